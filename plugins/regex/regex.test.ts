import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const addresses: TestData = {
  fields: [{ name: 'id', type: 'int32' }, { name: 'addr', type: 'v_wstring', size: 100 }, { name: 'city', type: 'v_string', size: 20 }],
  columns: {
    id: [1, 2, 3, 4, 5],
    addr: ['12 Main St', 'no number', null, '7 Ñandú Calle', '99999999999 Big Rd'],
    city: ['Oslo', 'Bergen', 'Tromsø', 'Lima', 'Rome'],
  },
};

const names = (fields: { name: string; type: string; size?: number }[]) => fields.map((f) => `${f.name}:${f.type}${f.size ? `:${f.size}` : ''}`);

describe('regex: parse', () => {
  const config = { field: 'addr', expression: '(\\d+)\\s+(?<street>.*)', method: 'parse', parseFields: [{ name: 'num', type: 'int32' }] };

  it('gives the exact output fields in update-only, right after the parsed field', async () => {
    const { summary } = await runTool(engine, 'regex', config, addresses, { mode: 'update' });
    expect(summary.tools.t.status).not.toBe('error');
    expect(names(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int32', 'addr:v_wstring:100', 'num:int32', 'street:v_wstring:254', 'city:v_string:20']);
  });

  it('parses the first match into typed fields; no match and null give nulls; a value past int32 warns', async () => {
    for (const packetRows of [1, 2, 3]) {
      const { outputs, messages } = await runTool(engine, 'regex', config, addresses, { packetRows });
      expect(outputs.Output.map((r) => [r.num, r.street])).toEqual([[12, 'Main St'], [null, null], [null, null], [7, 'Ñandú Calle'], [null, 'Big Rd']]);
      expect(outputs.Output.map((r) => r.city)).toEqual(addresses.columns.city);
      expect(messages).toEqual(['warn: 1 value(s) parsed into "num" are not a valid int32 and became null (first: row 5: "99999999999")']);
    }
  });

  it('names RegExOut<n> for unnamed groups and refuses an expression without groups', async () => {
    const { summary } = await runTool(engine, 'regex', { field: 'addr', expression: '(\\w)(\\w)', method: 'parse' }, addresses, { mode: 'update' });
    expect(names(summary.tools.t.outputs.Output.metadata.fields).slice(2, 4)).toEqual(['RegExOut1:v_wstring:254', 'RegExOut2:v_wstring:254']);
    const bad = await runTool(engine, 'regex', { field: 'addr', expression: '\\d+', method: 'parse' }, addresses, { mode: 'update' });
    expect(bad.summary.tools.t.status).toBe('error');
    expect(bad.messages.join()).toMatch(/no marked group/);
  });
});

describe('regex: match', () => {
  it('adds a bool field true only when the whole text matches, case-insensitive by default', async () => {
    const { outputs, summary } = await runTool(engine, 'regex', { field: 'addr', expression: '\\d+ [a-z ]+', method: 'match' }, addresses, { packetRows: 2 });
    expect(names(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int32', 'addr:v_wstring:100', 'addr_Matched:bool', 'city:v_string:20']);
    expect(outputs.Output.map((r) => r.addr_Matched)).toEqual([true, false, false, false, true]);
    const sensitive = await runTool(engine, 'regex', { field: 'addr', expression: '\\d+ [a-z ]+', method: 'match', caseInsensitive: false, matchField: 'ok' }, addresses);
    expect(sensitive.outputs.Output.map((r) => r.ok)).toEqual([false, false, false, false, false]);
  });

  it('filters to the matching rows, or stops at the first row that does not match', async () => {
    const filtered = await runTool(engine, 'regex', { field: 'addr', expression: '.*\\d.*', method: 'match', matchOutput: 'filter' }, addresses, { packetRows: 1 });
    expect(filtered.outputs.Output.map((r) => r.id)).toEqual([1, 4, 5]);
    expect(Object.keys(filtered.outputs.Output[0])).toEqual(['id', 'addr', 'city']);
    const strict = await runTool(engine, 'regex', { field: 'addr', expression: '.*\\d.*', method: 'match', errorIfNotMatched: true }, addresses);
    expect(strict.summary.tools.t.status).toBe('error');
    expect(strict.messages.join()).toMatch(/row 2: "no number" in "addr" does not match the expression/);
  });
});

describe('regex: replace', () => {
  // \w is ASCII in RE2, so "Ñandú" is not a word here
  it('replaces every match with groups and case changes, in place', async () => {
    const { outputs, summary } = await runTool(engine, 'regex', { field: 'addr', expression: '(\\d+) (\\w+)', method: 'replace', replaceWith: '\\U$2\\E-\\1' }, addresses, { packetRows: 3 });
    expect(names(summary.tools.t.outputs.Output.metadata.fields)).toEqual(names(addresses.fields));
    expect(outputs.Output.map((r) => r.addr)).toEqual(['MAIN-12 St', 'no number', null, '7 Ñandú Calle', 'BIG-99999999999 Rd']);
  });

  it('keeps only the replacements without "copy unmatched text"', async () => {
    const { outputs } = await runTool(engine, 'regex', { field: 'addr', expression: '\\d', method: 'replace', replaceWith: '<$&>', copyUnmatched: false }, addresses);
    expect(outputs.Output.map((r) => r.addr)).toEqual(['<1><2>', '', null, '<7>', '<9><9><9><9><9><9><9><9><9><9><9>']);
  });

  it('names a group the expression lacks', async () => {
    const { summary, messages } = await runTool(engine, 'regex', { field: 'addr', expression: '(a)', method: 'replace', replaceWith: '$2' }, addresses, { mode: 'update' });
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join()).toMatch(/no group 2 \(it has 1\)/);
  });
});

describe('regex: tokenize', () => {
  const words: TestData = { fields: [{ name: 'k', type: 'int32' }, { name: 's', type: 'v_wstring' }], columns: { k: [1, 2, 3, 4], s: ['a1 b2 c3 d4', 'x9', null, '東京5 😀6'] } };

  it('splits to N columns: nulls for missing tokens, extra tokens dropped with a counted warning', async () => {
    const config = { field: 's', expression: '[^ ]+', method: 'tokenize', columnCount: 3, rootName: 'part' };
    const { outputs, messages, summary } = await runTool(engine, 'regex', config, words, { packetRows: 1 });
    expect(names(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['k:int32', 's:v_wstring', 'part1:v_wstring', 'part2:v_wstring', 'part3:v_wstring']);
    expect(outputs.Output.map((r) => [r.part1, r.part2, r.part3])).toEqual([['a1', 'b2', 'c3'], ['x9', null, null], [null, null, null], ['東京5', '😀6', null]]);
    expect(messages).toEqual(['warn: 1 row(s) had more parts than output fields; the extra parts were dropped (first: row 1: "a1 b2 c3 d4" has too many parts for 3 output field(s))']);
    const quiet = await runTool(engine, 'regex', { ...config, extraColumns: 'dropWithoutWarning' }, words);
    expect(quiet.messages).toEqual([]);
    const strict = await runTool(engine, 'regex', { ...config, extraColumns: 'error' }, words);
    expect(strict.summary.tools.t.status).toBe('error');
    expect(strict.messages.join()).toMatch(/row 1: "a1 b2 c3 d4" has too many parts/);
  });

  it('returns the first marked group of each token, and splits to rows keeping rows without tokens', async () => {
    const config = { field: 's', expression: '[^ ]*?(\\d)', method: 'tokenize', tokenizeTo: 'rows' };
    for (const packetRows of [1, 3]) {
      const { outputs } = await runTool(engine, 'regex', config, words, { packetRows });
      expect(outputs.Output).toEqual([
        { k: 1, s: '1' }, { k: 1, s: '2' }, { k: 1, s: '3' }, { k: 1, s: '4' }, { k: 2, s: '9' }, { k: 3, s: null }, { k: 4, s: '5' }, { k: 4, s: '6' },
      ]);
    }
  });
});

describe('regex: Perl-style syntax', () => {
  const words: TestData = { fields: [{ name: 's', type: 'v_wstring' }], columns: { s: ['abcabc', 'abab x', 'hello', 'a'.repeat(40) + 'c', null] } };

  it('runs POSIX classes, backreferences and lookaround, as Alteryx accepts them', async () => {
    const repeated = await runTool(engine, 'regex', { field: 's', expression: '([[:alpha:]]+)\\1.*', method: 'match', matchField: 'twice' }, words);
    expect(repeated.outputs.Output.map((r) => r.twice)).toEqual([true, true, false, true, false]);
    const lookahead = await runTool(engine, 'regex', { field: 's', expression: 'ab(?=c)', method: 'replace', replaceWith: '<$&>' }, words);
    expect(lookahead.outputs.Output.map((r) => r.s)).toEqual(['<ab>c<ab>c', 'abab x', 'hello', 'a'.repeat(40) + 'c', null]);
  });

  it('gives null, counted, where a backtracking pattern passes its step limit', async () => {
    const { outputs, messages, summary } = await runTool(engine, 'regex', { field: 's', expression: '(a*)*\\1b', method: 'match', matchField: 'm' }, words);
    expect(summary.tools.t.status).toBe('ok');
    expect(outputs.Output.map((r) => r.m)).toEqual([false, false, false, null, false]);
    expect(messages).toEqual([expect.stringMatching(/^warn: 1 row\(s\) needed more than 1,000,000 backtracking steps .* \(first: row 4: "aaaa/)]);
  });
});

describe('regex: errors and empty input', () => {
  it('passes an empty input with the planned fields', async () => {
    const empty: TestData = { fields: addresses.fields, columns: { id: [], addr: [], city: [] } };
    const { summary } = await runTool(engine, 'regex', { field: 'addr', expression: '(\\d+)', method: 'parse' }, empty);
    expect(summary.tools.t.status).toBe('ok');
    expect(summary.tools.t.outputs.Output.records).toBe(0);
  });

  it('names a missing or non-text field and an invalid expression', async () => {
    const check = async (config: Record<string, unknown>, message: RegExp) => {
      const { summary, messages } = await runTool(engine, 'regex', config, addresses, { mode: 'update' });
      expect(summary.tools.t.status).toBe('error');
      expect(messages.join()).toMatch(message);
    };
    await check({ field: 'nope', expression: 'a' }, /field "nope" is not in the input/);
    await check({ field: 'id', expression: 'a' }, /field "id" is int32: the RegEx tool reads a text field/);
    await check({ field: 'addr', expression: '(a' }, /invalid regular expression "\(a"/);
    await check({ field: 'addr', expression: '[[:nope:]]', method: 'match' }, /invalid regular expression "\[\[:nope:\]\]"/);
    await check({ field: 'addr', expression: '(a)', parseFields: [{ name: 'city' }] }, /output field "city" is already in the input/);
  });
});
