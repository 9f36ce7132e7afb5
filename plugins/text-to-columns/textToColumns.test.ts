import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';
import { decodeDelimiters, splitText } from './splitText.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data: TestData = {
  fields: [{ name: 'id', type: 'int32' }, { name: 'text', type: 'v_wstring', size: 80 }, { name: 'tail', type: 'bool' }],
  columns: {
    id: [1, 2, 3, 4, 5, 6],
    text: ['a,b,c,d', 'x', null, '', '東京 😀,ñ', ',,z'],
    tail: [true, false, null, true, false, true],
  },
};

const names = (fields: { name: string; type: string; size?: number }[]) => fields.map((f) => `${f.name}:${f.type}${f.size ? `:${f.size}` : ''}`);
const cols = (rows: Record<string, unknown>[], keys: string[]) => rows.map((r) => keys.map((k) => r[k]));

describe('text to columns: to columns', () => {
  it('gives the new fields after the split field, with its type and size, in update-only', async () => {
    const { summary } = await runTool(engine, 'text-to-columns', { field: 'text', delimiters: ',', columnCount: 2, rootName: 'p' }, data, { mode: 'update' });
    expect(names(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int32', 'text:v_wstring:80', 'p1:v_wstring:80', 'p2:v_wstring:80', 'tail:bool']);
  });

  it('leaves the extra parts in the last column by default', async () => {
    for (const packetRows of [1, 2, 3]) {
      const { outputs, messages } = await runTool(engine, 'text-to-columns', { field: 'text', delimiters: ',', columnCount: 2 }, data, { packetRows });
      expect(cols(outputs.Output, ['text1', 'text2'])).toEqual([['a', 'b,c,d'], ['x', null], [null, null], ['', null], ['東京 😀', 'ñ'], ['', ',z']]);
      expect(outputs.Output.map((r) => r.tail)).toEqual(data.columns.tail);
      expect(messages).toEqual([]);
    }
  });

  it('drops extra parts with a counted warning, silently, or stops', async () => {
    const config = { field: 'text', delimiters: ',\\s', columnCount: 2 };
    const warned = await runTool(engine, 'text-to-columns', { ...config, extraCharacters: 'dropWithWarning' }, data);
    expect(cols(warned.outputs.Output, ['text1', 'text2'])).toEqual([['a', 'b'], ['x', null], [null, null], ['', null], ['東京', '😀'], ['', '']]);
    expect(warned.messages).toEqual(['warn: 3 row(s) had more parts than columns; the extra parts were dropped (first: row 1: "a,b,c,d" has 4 parts for 2 column(s))']);
    const quiet = await runTool(engine, 'text-to-columns', { ...config, extraCharacters: 'dropWithoutWarning' }, data);
    expect(quiet.messages).toEqual([]);
    const strict = await runTool(engine, 'text-to-columns', { ...config, extraCharacters: 'error' }, data);
    expect(strict.summary.tools.t.status).toBe('error');
    expect(strict.messages.join()).toMatch(/row 1: "a,b,c,d" has 4 parts for 2 column\(s\)/);
  });

  it('skips empty columns: consecutive delimiters count as one', async () => {
    const { outputs } = await runTool(engine, 'text-to-columns', { field: 'text', delimiters: ',', columnCount: 2, skipEmpty: true }, data);
    expect(cols(outputs.Output, ['text1', 'text2'])).toEqual([['a', 'b,c,d'], ['x', null], [null, null], [null, null], ['東京 😀', 'ñ'], ['z', null]]);
  });
});

describe('text to columns: to rows', () => {
  it('gives one row per part, keeping the other fields and rows with nothing to split', async () => {
    for (const packetRows of [1, 3]) {
      const { outputs, summary } = await runTool(engine, 'text-to-columns', { field: 'text', delimiters: ',', splitTo: 'rows', skipEmpty: true }, data, { packetRows });
      expect(names(summary.tools.t.outputs.Output.metadata.fields)).toEqual(names(data.fields));
      expect(cols(outputs.Output, ['id', 'text'])).toEqual([[1, 'a'], [1, 'b'], [1, 'c'], [1, 'd'], [2, 'x'], [3, null], [4, null], [5, '東京 😀'], [5, 'ñ'], [6, 'z']]);
    }
  });
});

describe('text to columns: splitting rules', () => {
  const options = { delimiters: decodeDelimiters(',\\t'), ignoreInQuotes: false, ignoreInSingleQuotes: false, ignoreInParentheses: false, ignoreInBrackets: false, skipEmpty: false };

  it('decodes \\t \\n \\r \\s \\\\ and treats each character alone', () => {
    expect([...decodeDelimiters('\\t\\n\\r\\s\\\\;|😀')]).toEqual(['\t', '\n', '\r', ' ', '\\', ';', '|', '😀']);
    expect(splitText('a\tb,c', options).parts).toEqual(['a', 'b', 'c']);
    expect(splitText('a😀b', { ...options, delimiters: decodeDelimiters('😀') }).parts).toEqual(['a', 'b']);
  });

  it('ignores delimiters inside quotes, single quotes, parentheses and brackets, keeping them in the text', () => {
    const text = 'a,"b,c",\'d,e\',(f,(g,h)),[i,j],k';
    expect(splitText(text, options).parts).toHaveLength(11);
    expect(splitText(text, { ...options, ignoreInQuotes: true, ignoreInSingleQuotes: true, ignoreInParentheses: true, ignoreInBrackets: true }).parts)
      .toEqual(['a', '"b,c"', "'d,e'", '(f,(g,h))', '[i,j]', 'k']);
    expect(splitText('"it\'s",x', { ...options, ignoreInQuotes: true, ignoreInSingleQuotes: true }).parts).toEqual(['"it\'s"', 'x']);
  });
});

describe('text to columns: errors and empty input', () => {
  it('names a missing or non-text field and an empty delimiter list', async () => {
    const check = async (config: Record<string, unknown>, message: RegExp) => {
      const { summary, messages } = await runTool(engine, 'text-to-columns', config, data, { mode: 'update' });
      expect(summary.tools.t.status).toBe('error');
      expect(messages.join()).toMatch(message);
    };
    await check({ field: 'nope' }, /field "nope" is not in the input/);
    await check({ field: 'id' }, /field "id" is int32: Text To Columns splits a text field/);
    await check({ field: 'text', delimiters: '' }, /enter at least one delimiter/);
    await check({ field: 'text', columnCount: 0 }, /columnCount: must be >= 1/);
  });

  it('passes an empty input', async () => {
    const empty: TestData = { fields: data.fields, columns: { id: [], text: [], tail: [] } };
    const { summary } = await runTool(engine, 'text-to-columns', { field: 'text', delimiters: ',' }, empty);
    expect(summary.tools.t.status).toBe('ok');
    expect(summary.tools.t.outputs.Output.records).toBe(0);
  });
});

describe('text to columns: the fast split agrees with the shielded one', () => {
  it('gives the same parts and starts on random text without quotes or brackets', () => {
    const alphabet = ['a', 'b', ',', ';', ' ', '\t', '😀', 'é', '-', ']', '^', '\\'];
    let seed = 42;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    for (const delimiters of [',', ',;\\t', '😀-', ']^\\\\']) {
      for (const skipEmpty of [false, true]) {
        const base = { delimiters: decodeDelimiters(delimiters), ignoreInQuotes: false, ignoreInSingleQuotes: false, ignoreInParentheses: false, ignoreInBrackets: false, skipEmpty };
        for (let k = 0; k < 300; k++) {
          const text = Array.from({ length: Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
          expect(splitText(text, base)).toEqual(splitText(text, { ...base, ignoreInQuotes: true }));
        }
      }
    }
  });
});
