import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const scores: TestData = {
  fields: [{ name: 'id', type: 'int64' }, { name: 'who', type: 'v_wstring', size: 10 }, { name: 'math', type: 'int32' }, { name: 'física', type: 'double' }, { name: 'big', type: 'int64' }],
  columns: {
    id: [1n, 2n, 9007199254740993n],
    who: ['Ann', null, '東京'],
    math: [80, null, 70],
    física: [75.5, 85, null],
    big: [9007199254740993n, -1n, null],
  },
};

const fieldList = (fields: { name: string; type: string; size?: number }[]) => fields.map((f) => `${f.name}:${f.type}${f.size ? `:${f.size}` : ''}`);

describe('transpose through the engine', () => {
  it('shows key fields, Name and the common Value type in update-only', async () => {
    const { summary } = await runTool(engine, 'transpose', { keyFields: ['id'], dataFields: ['math', 'física'], unknownFields: false }, scores, { mode: 'update' });
    expect(summary.tools.t.status).not.toBe('error');
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int64', 'Name:v_wstring:255', 'Value:double']);
  });

  for (const packetRows of [1, 2, 3]) {
    it(`gives one row per data field, nulls kept, in input order (packets of ${packetRows})`, async () => {
      const { summary, outputs } = await runTool(engine, 'transpose', { keyFields: ['id', 'who'], dataFields: ['math', 'física'], unknownFields: false }, scores, { packetRows });
      expect(summary.status).toBe('ok');
      expect(outputs.Output).toEqual([
        { id: '1', who: 'Ann', Name: 'math', Value: 80 }, { id: '1', who: 'Ann', Name: 'física', Value: 75.5 },
        { id: '2', who: null, Name: 'math', Value: null }, { id: '2', who: null, Name: 'física', Value: 85 },
        { id: '9007199254740993', who: '東京', Name: 'math', Value: 70 }, { id: '9007199254740993', who: '東京', Name: 'física', Value: null },
      ]);
    });
  }

  it('keeps int64 exact when the data fields are integers', async () => {
    const { summary, outputs } = await runTool(engine, 'transpose', { keyFields: [], dataFields: ['math', 'big'], unknownFields: false }, scores, { packetRows: 2 });
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['Name:v_wstring:255', 'Value:int64']);
    expect(outputs.Output.map((r) => r.Value)).toEqual(['80', '9007199254740993', null, '-1', '70', null]);
  });

  it('turns mixed types into text (v_wstring with a wide string field) and transposes the fields not named', async () => {
    const { summary, outputs } = await runTool(engine, 'transpose', { keyFields: ['id'], excludedFields: ['big'] }, scores);
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int64', 'Name:v_wstring:255', 'Value:v_wstring:10']);
    expect(outputs.Output.slice(0, 3)).toEqual([
      { id: '1', Name: 'who', Value: 'Ann' }, { id: '1', Name: 'math', Value: '80' }, { id: '1', Name: 'física', Value: '75.5' },
    ]);
    expect(outputs.Output.length).toBe(9);
  });

  it('warns about, fails on or ignores a missing field as configured', async () => {
    const config = { keyFields: ['id', 'gone'], dataFields: ['math'], unknownFields: false };
    const warned = await runTool(engine, 'transpose', config, scores);
    expect(warned.summary.tools.t.status).toBe('ok');
    expect(warned.messages).toEqual(['warn: key field "gone" is not in the input']);
    const failed = await runTool(engine, 'transpose', { ...config, missingFields: 'error' }, scores, { mode: 'update' });
    expect(failed.summary.tools.t.status).toBe('error');
    expect(failed.messages.join()).toMatch(/key field "gone" is not in the input/);
    const ignored = await runTool(engine, 'transpose', { ...config, missingFields: 'ignore' }, scores);
    expect(ignored.messages).toEqual([]);
    expect(ignored.outputs.Output.length).toBe(3);
  });

  it('gives no rows for an empty input and refuses a key field called Value', async () => {
    const empty: TestData = { fields: scores.fields, columns: { id: [], who: [], math: [], física: [], big: [] } };
    const none = await runTool(engine, 'transpose', { keyFields: ['id'] }, empty);
    expect(none.summary.tools.t.status).toBe('ok');
    expect(none.summary.tools.t.outputs.Output.records).toBe(0);
    const clash: TestData = { fields: [{ name: 'value', type: 'int32' }, { name: 'x', type: 'int32' }], columns: { value: [1], x: [2] } };
    const bad = await runTool(engine, 'transpose', { keyFields: ['value'] }, clash, { mode: 'update' });
    expect(bad.summary.tools.t.status).toBe('error');
    expect(bad.messages.join()).toMatch(/key field "value" has the name of an output field of Transpose/);
  });
});
