import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool, type RunToolOptions } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const find: TestData = {
  fields: [{ name: 'id', type: 'int32' }, { name: 'addr', type: 'v_wstring', size: 60 }],
  columns: { id: [1, 2, 3, 4, 5, 6], addr: ['12 Main St', 'st mary st', null, 'Rue ÉTÉ', 'Street', 'main st'] },
};
const lookup: TestData = {
  fields: [{ name: 'abbr', type: 'v_string' }, { name: 'full', type: 'v_wstring' }, { name: 'code', type: 'int64' }],
  columns: { abbr: ['St', 'été', null, 'main st', 'ST'], full: ['Street', 'Summer', 'x', 'MAIN STREET', 'dup'], code: [1n, 2n, 3n, 9007199254740993n, 5n] },
};

const run = (config: Record<string, unknown>, options: RunToolOptions = {}, f = find, r = lookup) =>
  runTool(engine, 'find-replace', config, null, { ...options, inputs: [{ anchor: 'Find', data: f }, { anchor: 'Replace', data: r }] });

describe('find replace', () => {
  it('replaces entire values, case-insensitive by default, first Replace row winning', async () => {
    for (const packetRows of [1, 2, 3]) {
      const { outputs, summary } = await run({ findField: 'addr', findValueField: 'abbr', replaceField: 'full' }, { packetRows });
      expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => f.name)).toEqual(['id', 'addr']);
      expect(outputs.Output.map((r) => r.addr)).toEqual(['12 Main St', 'st mary st', null, 'Rue ÉTÉ', 'Street', 'MAIN STREET']);
    }
  });

  // the leftmost find wins: in "12 Main St" that is "main st" (at 3), not "St" (at 8)
  it('replaces the first find anywhere, or every one, and whole words only when asked', async () => {
    const base = { findField: 'addr', findValueField: 'abbr', replaceField: 'full', findMode: 'anyPart' };
    const first = await run(base);
    expect(first.outputs.Output.map((r) => r.addr)).toEqual(['12 MAIN STREET', 'Street mary st', null, 'Rue Summer', 'Streetreet', 'MAIN STREET']);
    const every = await run({ ...base, replaceMultiple: true, matchWholeWord: true });
    expect(every.outputs.Output.map((r) => r.addr)).toEqual(['12 MAIN STREET', 'Street mary Street', null, 'Rue Summer', 'Street', 'MAIN STREET']);
    const sensitive = await run({ ...base, replaceMultiple: true, caseInsensitive: false });
    expect(sensitive.outputs.Output.map((r) => r.addr)).toEqual(['12 Main Street', 'st mary st', null, 'Rue ÉTÉ', 'Streetreet', 'MAIN STREET']);
  });

  it('finds at the beginning of the field only, when asked', async () => {
    const { outputs } = await run({ findField: 'addr', findValueField: 'abbr', replaceField: 'full', findMode: 'beginning', replaceMultiple: true });
    expect(outputs.Output.map((r) => r.addr)).toEqual(['12 Main St', 'Street mary st', null, 'Rue ÉTÉ', 'Streetreet', 'MAIN STREET']);
    const words = await run({ findField: 'addr', findValueField: 'abbr', replaceField: 'full', findMode: 'beginning', matchWholeWord: true });
    expect(words.outputs.Output.map((r) => r.addr)).toEqual(['12 Main St', 'Street mary st', null, 'Rue ÉTÉ', 'Street', 'MAIN STREET']);
  });

  it('appends the Replace fields of the found row, null where nothing is found', async () => {
    const { outputs, summary } = await run({ findField: 'addr', findValueField: 'abbr', findMode: 'anyPart', matchWholeWord: true, action: 'append', appendFields: ['full', 'code'] }, { packetRows: 2 });
    expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['id:int32', 'addr:v_wstring', 'full:v_wstring', 'code:int64']);
    expect(outputs.Output.map((r) => [r.id, r.full, r.code])).toEqual([
      [1, 'MAIN STREET', '9007199254740993'], [2, 'Street', '1'], [3, null, null], [4, 'Summer', '2'], [5, null, null], [6, 'MAIN STREET', '9007199254740993'],
    ]);
  });

  it('passes every Find row through with an empty Replace input, and gives nothing for an empty Find input', async () => {
    const noLookup: TestData = { fields: lookup.fields, columns: { abbr: [], full: [], code: [] } };
    const { outputs } = await run({ findField: 'addr', findValueField: 'abbr', replaceField: 'full', findMode: 'anyPart' }, {}, find, noLookup);
    expect(outputs.Output.map((r) => r.addr)).toEqual(find.columns.addr);
    const noFind: TestData = { fields: find.fields, columns: { id: [], addr: [] } };
    const empty = await run({ findField: 'addr', findValueField: 'abbr', replaceField: 'full' }, {}, noFind);
    expect(empty.summary.tools.t.status).toBe('ok');
    expect(empty.summary.tools.t.outputs.Output.records).toBe(0);
  });

  it('names missing fields, a non-text field and a clashing appended name', async () => {
    const check = async (config: Record<string, unknown>, message: RegExp) => {
      const { summary, messages } = await run(config, { mode: 'update' });
      expect(summary.tools.t.status).toBe('error');
      expect(messages.join()).toMatch(message);
    };
    await check({ findField: 'nope', findValueField: 'abbr', replaceField: 'full' }, /field "nope" is not in the Find input/);
    await check({ findField: 'id', findValueField: 'abbr', replaceField: 'full' }, /field "id" of the Find input is int32/);
    await check({ findField: 'addr', findValueField: 'x', replaceField: 'y' }, /field "x" is not in the Replace input.*field "y" is not in the Replace input/);
    const clash: TestData = { fields: [{ name: 'ADDR', type: 'v_string' }], columns: { ADDR: [] } };
    const { summary, messages } = await run({ findField: 'addr', findValueField: 'ADDR', action: 'append', appendFields: ['ADDR'] }, { mode: 'update' }, find, clash);
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join()).toMatch(/field "ADDR" to append is also in the Find input/);
  });
});
