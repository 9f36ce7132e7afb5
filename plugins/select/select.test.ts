import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const input: TestData = {
  fields: [
    { name: 'id', type: 'int64' }, { name: 'price', type: 'v_string', size: 20 }, { name: 'when', type: 'datetime' },
    { name: 'secret', type: 'v_string' }, { name: 'added', type: 'double' },
  ],
  columns: {
    id: [9007199254740993n, 2n, null],
    price: ['12.5', 'n/a', null],
    when: ['2026-11-21 13:05:00', '2026-01-01 00:00:00', null],
    secret: ['x', 'y', 'z'],
    added: [1.5, 2.5, 3.5],
  },
};

const config = {
  fields: [
    { field: 'when', type: 'date', rename: 'day', description: 'the day only' },
    { field: 'price', type: 'double' },
    { field: 'id', type: 'v_string' },
    { field: 'secret', selected: false },
  ],
  newFields: 'keep',
};

describe('select through the engine', () => {
  it('reorders, renames, retypes and describes in update-only; new fields follow', async () => {
    const { summary } = await runTool(engine, 'select', config, input, { mode: 'update' });
    expect(summary.tools.t.outputs.Output.metadata.fields).toEqual([
      { name: 'day', type: 'date', description: 'the day only' },
      { name: 'price', type: 'double' },
      { name: 'id', type: 'v_string' },
      { name: 'added', type: 'double' },
    ]);
  });

  it('drops fields the list does not name when new fields are dropped', async () => {
    const { summary } = await runTool(engine, 'select', { ...config, newFields: 'drop' }, input, { mode: 'update' });
    expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => f.name)).toEqual(['day', 'price', 'id']);
  });

  it('converts values, warning about those that became null', async () => {
    const { outputs, messages } = await runTool(engine, 'select', config, input, { packetRows: 2 });
    expect(outputs.Output).toEqual([
      { day: '2026-11-21', price: 12.5, id: '9007199254740993', added: 1.5 },
      { day: '2026-01-01', price: null, id: '2', added: 2.5 },
      { day: null, price: null, id: null, added: 3.5 },
    ]);
    expect(messages.join('\n')).toMatch(/1 value\(s\) of "price" could not be converted to double/);
  });

  it('cuts text to the field size with a warning, as Alteryx', async () => {
    const words: TestData = { fields: [{ name: 'w', type: 'v_wstring', size: 50 }], columns: { w: ['short', 'much longer text', '😀😀😀😀', null] } };
    const run = await runTool(engine, 'select', { fields: [{ field: 'w', size: 4 }] }, words, { packetRows: 2 });
    expect(run.outputs.Output.map((r) => r.w)).toEqual(['shor', 'much', '😀😀😀😀', null]);
    expect(run.summary.tools.t.outputs.Output.metadata.fields[0]).toMatchObject({ name: 'w', type: 'v_wstring', size: 4 });
    expect(run.messages).toContain('warn: 2 value(s) of "w" were longer than v_wstring(4) and were truncated');
    const retyped = await runTool(engine, 'select', { fields: [{ field: 'w', type: 'string', size: 3 }] }, words);
    expect(retyped.outputs.Output.map((r) => r.w)).toEqual(['sho', 'muc', '😀😀😀', null]);
  });

  it('writes fixeddecimal with its scale, nulling values longer than its size', async () => {
    const numbers: TestData = { fields: [{ name: 'x', type: 'double' }], columns: { x: [1.005, -2, 12345.678, 0.1, null] } };
    const run = await runTool(engine, 'select', { fields: [{ field: 'x', type: 'fixeddecimal', size: 7, scale: 2 }] }, numbers);
    expect(run.summary.tools.t.outputs.Output.metadata.fields[0]).toMatchObject({ type: 'fixeddecimal', size: 7, scale: 2 });
    expect(run.outputs.Output.map((r) => r.x)).toEqual(['1.00', '-2.00', null, '0.10', null]);
    expect(run.messages).toContain('warn: 1 value(s) of "x" did not fit fixeddecimal(7.2) and became null');
    const plain = await runTool(engine, 'select', { fields: [{ field: 'x', type: 'fixeddecimal' }] }, numbers);
    expect(plain.summary.tools.t.outputs.Output.metadata.fields[0]).toMatchObject({ type: 'fixeddecimal', size: 19, scale: 2 });
    expect(plain.outputs.Output.map((r) => r.x)).toEqual(['1.00', '-2.00', '12345.68', '0.10', null]);
  });

  it('refuses two output fields of one name', async () => {
    const { summary, messages } = await runTool(engine, 'select', { fields: [{ field: 'price', rename: 'ADDED' }], newFields: 'keep' }, input, { mode: 'update' });
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join()).toMatch(/output field "added" appears twice/);
  });
});
