import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const first: TestData = { fields: [{ name: 'id', type: 'int32' }, { name: 'a', type: 'v_wstring' }], columns: { id: [1, 2, 2, null, 4], a: ['a1', 'a2', 'a2b', 'aNull', 'ñ4'] } };
const second: TestData = { fields: [{ name: 'key', type: 'int64' }, { name: 'A', type: 'v_string' }], columns: { key: [2n, 3n, 1n, null], A: ['b2', 'b3', 'b1', 'bNull'] } };
const third: TestData = { fields: [{ name: 'k', type: 'double' }, { name: 'c', type: 'v_wstring' }], columns: { k: [2, 5], c: ['東京2', 'c5'] } };
const inputs = [
  { anchor: 'Input', data: first, connectionName: '#1' },
  { anchor: 'Input', data: second, connectionName: '#2' },
  { anchor: 'Input', data: third, connectionName: '#3' },
];
const keys = [{ connection: '#1', fields: ['id'] }, { connection: '#2', fields: ['key'] }, { connection: '#3', fields: ['k'] }];
const fieldList = (fields: { name: string; type: string }[]) => fields.map((f) => `${f.name}:${f.type}`);
const row = (id: number | null, a: string | null, key: string | null, b: string | null, k: number | null, c: string | null) => ({ id, a, key, 'Input_#2_A': b, k, c });

describe('join-multiple through the engine', () => {
  it('shows every input\'s fields in update-only, a taken name as Input_#2_<name>', async () => {
    const { summary } = await runTool(engine, 'join-multiple', { keys }, null, { mode: 'update', inputs });
    expect(summary.tools.t.status).not.toBe('error');
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int32', 'a:v_wstring', 'key:int64', 'Input_#2_A:v_string', 'k:double', 'c:v_wstring']);
  });

  for (const packetRows of [1, 2, 3]) {
    it(`full outer by keys: keys ascending, combinations, null keys alone at the end (packets of ${packetRows})`, async () => {
      const { summary, outputs, messages } = await runTool(engine, 'join-multiple', { keys }, null, { packetRows, inputs });
      expect(summary.status).toBe('ok');
      expect(messages).toEqual([]);
      expect(outputs.Output).toEqual([
        row(1, 'a1', '1', 'b1', null, null),
        row(2, 'a2', '2', 'b2', 2, '東京2'), row(2, 'a2b', '2', 'b2', 2, '東京2'),
        row(null, null, '3', 'b3', null, null),
        row(4, 'ñ4', null, null, null, null),
        row(null, null, null, null, 5, 'c5'),
        row(null, 'aNull', null, null, null, null),
        row(null, null, null, 'bNull', null, null),
      ]);
    });
  }

  it('keeps only keys present in every input with allInputs', async () => {
    const { outputs } = await runTool(engine, 'join-multiple', { keys, allInputs: true }, null, { packetRows: 2, inputs });
    expect(outputs.Output).toEqual([row(2, 'a2', '2', 'b2', 2, '東京2'), row(2, 'a2b', '2', 'b2', 2, '東京2')]);
  });

  it('joins by record position, streaming, with nulls past the shorter inputs or only common positions', async () => {
    const config = { mode: 'position', fields: [{ connection: '#2', field: 'key', selected: false }, { connection: '#3', field: 'c', rename: 'city' }] };
    const outer = await runTool(engine, 'join-multiple', config, null, { packetRows: 2, inputs });
    expect(fieldList(outer.summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int32', 'a:v_wstring', 'Input_#2_A:v_string', 'k:double', 'city:v_wstring']);
    expect(outer.outputs.Output.map((r) => [r.id, r['Input_#2_A'], r.city])).toEqual([[1, 'b2', '東京2'], [2, 'b3', 'c5'], [2, 'b1', null], [null, 'bNull', null], [4, null, null]]);
    const inner = await runTool(engine, 'join-multiple', { ...config, allInputs: true }, null, { packetRows: 1, inputs });
    expect(inner.outputs.Output.map((r) => r.a)).toEqual(['a1', 'a2']);
  });

  it('warns, fails or allows a key joining more than 16 records', async () => {
    const many: TestData = { fields: [{ name: 'id', type: 'int32' }], columns: { id: Array.from({ length: 17 }, () => 7) } };
    const two = [{ anchor: 'Input', data: many, connectionName: '#1' }, { anchor: 'Input', data: many, connectionName: '#2' }];
    const twoKeys = [{ connection: '#1', fields: ['id'] }, { connection: '#2', fields: ['id'] }];
    const warned = await runTool(engine, 'join-multiple', { keys: twoKeys }, null, { inputs: two });
    expect(warned.summary.tools.t.outputs.Output.records).toBe(289);
    expect(warned.messages).toEqual(['warn: 1 key value(s) join more than 16 records (a multidimensional join), the first: 7']);
    const failed = await runTool(engine, 'join-multiple', { keys: twoKeys, limitMode: 'error' }, null, { inputs: two });
    expect(failed.summary.tools.t.status).toBe('error');
    const allowed = await runTool(engine, 'join-multiple', { keys: twoKeys, limitMode: 'allowAll' }, null, { inputs: two });
    expect(allowed.messages).toEqual([]);
  });

  it('gives no rows for empty inputs, and names missing or mismatched keys', async () => {
    const empty = inputs.map((i) => ({ ...i, data: { fields: i.data.fields, columns: Object.fromEntries(i.data.fields.map((f) => [f.name, []])) } }));
    const none = await runTool(engine, 'join-multiple', { keys }, null, { inputs: empty });
    expect(none.summary.tools.t.status).toBe('ok');
    expect(none.summary.tools.t.outputs.Output.records).toBe(0);
    const bad = await runTool(engine, 'join-multiple', { keys: [{ connection: '#1', fields: ['a'] }, { connection: '#2', fields: ['nope'] }] }, null, { mode: 'update', inputs });
    expect(bad.summary.tools.t.status).toBe('error');
    expect(bad.messages.join()).toMatch(/key field "nope" is not in input #2; choose the key fields of input #3/);
    const mismatch = await runTool(engine, 'join-multiple', { keys: [{ connection: '#1', fields: ['a'] }, { connection: '#2', fields: ['key'] }, { connection: '#3', fields: ['k'] }] }, null, { mode: 'update', inputs });
    expect(mismatch.messages.join()).toMatch(/key 1: "a" \(v_wstring\) of #1 and "key" \(int64\) of #2 cannot be compared/);
  });
});
