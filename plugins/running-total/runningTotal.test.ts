import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data: TestData = {
  fields: [{ name: 'store', type: 'v_wstring', size: 20 }, { name: 'units', type: 'int32' }, { name: 'big', type: 'int64' }, { name: 'price', type: 'double' }, { name: 'dec', type: 'fixeddecimal', size: 10, scale: 2 }],
  columns: {
    store: ['b', 'Ärger', 'b', null, 'Ärger', 'b'],
    units: [null, 1, 2, 3, 4, 5],
    big: [9007199254740993n, 1n, 9007199254740993n, null, -4n, 2n],
    price: [1.5, null, 2.25, 4, 8, -0.5],
    dec: ['1.10', '2.20', null, '3.30', '4.40', '0.01'],
  },
};

const column = (rows: Record<string, unknown>[], name: string) => rows.map((r) => r[name]);

describe('running total through the engine', () => {
  it('gives the exact output metadata in update-only', async () => {
    const { summary } = await runTool(engine, 'running-total', { groupBy: ['store'], fields: ['units', 'big', 'price', 'dec'] }, data, { mode: 'update' });
    expect(summary.tools.t.outputs.Output.metadata.fields.slice(5)).toEqual([
      { name: 'RunTot_units', type: 'int64', source: 'RunningTotal: units' },
      { name: 'RunTot_big', type: 'int64', source: 'RunningTotal: big' },
      { name: 'RunTot_price', type: 'double', source: 'RunningTotal: price' },
      { name: 'RunTot_dec', type: 'double', source: 'RunningTotal: dec' },
    ]);
  });

  for (const packetRows of [1, 2, 3]) {
    it(`totals per group in input order across packets of ${packetRows}`, async () => {
      const { outputs } = await runTool(engine, 'running-total', { groupBy: ['store'], fields: ['units', 'big', 'price', 'dec'] }, data, { packetRows });
      expect(column(outputs.Output, 'store')).toEqual(data.columns.store);
      expect(column(outputs.Output, 'RunTot_units')).toEqual(['0', '1', '2', '3', '5', '7']);
      expect(column(outputs.Output, 'RunTot_big')).toEqual(['9007199254740993', '1', '18014398509481986', '0', '-3', '18014398509481988']);
      expect(column(outputs.Output, 'RunTot_price')).toEqual([1.5, 0, 3.75, 4, 8, 3.25]);
      expect((column(outputs.Output, 'RunTot_dec') as number[]).map((v) => v.toFixed(2))).toEqual(['1.10', '2.20', '1.10', '3.30', '6.60', '1.11']);
    });
  }

  it('totals the whole input without group-by fields', async () => {
    const { outputs } = await runTool(engine, 'running-total', { fields: ['units'] }, data, { packetRows: 4 });
    expect(column(outputs.Output, 'RunTot_units')).toEqual(['0', '1', '3', '6', '10', '15']);
  });

  it('writes nothing for an empty input', async () => {
    const empty: TestData = { fields: data.fields, columns: { store: [], units: [], big: [], price: [], dec: [] } };
    const { summary } = await runTool(engine, 'running-total', { groupBy: ['store'], fields: ['units'] }, empty);
    expect(summary.tools.t.status).toBe('ok');
    expect(summary.tools.t.outputs.Output.records).toBe(0);
  });

  it('names the problem', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ fields: [] }, /choose at least one field to total/],
      [{ fields: ['nope'], groupBy: ['zip'] }, /fields "zip", "nope" not in the input/],
      [{ fields: ['store'] }, /"store" is v_wstring, not a number/],
    ];
    for (const [config, message] of cases) {
      const { summary, messages } = await runTool(engine, 'running-total', config, data, { mode: 'update' });
      expect(summary.tools.t.status).toBe('error');
      expect(messages.join('\n')).toMatch(message);
    }
    const huge: TestData = { fields: [{ name: 'v', type: 'int64' }], columns: { v: [2n ** 62n, 2n ** 62n] } };
    const { summary, messages } = await runTool(engine, 'running-total', { fields: ['v'] }, huge);
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join()).toMatch(/the running total of "v" overflows int64/);
  });
});
