import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const sales: TestData = {
  fields: [{ name: 'region', type: 'v_string', size: 20 }, { name: 'qty', type: 'int32' }, { name: 'big', type: 'int64' }, { name: 'price', type: 'double' }, { name: 'day', type: 'date' }],
  columns: {
    region: ['north', 'south', null, 'north', 'south', 'north', 'ñandú'],
    qty: [1, 2, 3, null, 5, 6, 7],
    big: [9007199254740993n, 1n, 2n, 9007199254740993n, null, -4n, 0n],
    price: [1.5, 2.5, null, 4, 8, 16, 0.25],
    day: ['2026-01-02', '2025-12-31', '2026-03-01', null, '2026-02-01', '2024-06-30', '2026-11-21'],
  },
};

const config = {
  groupBy: ['region'],
  aggregations: [
    { action: 'count' }, { action: 'countNonNull', field: 'qty' }, { action: 'countDistinct', field: 'big' },
    { action: 'sum', field: 'qty' }, { action: 'sum', field: 'big' }, { action: 'sum', field: 'price' },
    { action: 'avg', field: 'price' }, { action: 'median', field: 'qty' }, { action: 'min', field: 'day' },
    { action: 'max', field: 'day' }, { action: 'first', field: 'qty' }, { action: 'last', field: 'price' },
    { action: 'concat', field: 'qty', separator: '|', outputName: 'AllQty' },
  ],
};

describe('summarize through the engine', () => {
  it('shows the exact output metadata in an update-only run', async () => {
    const { summary } = await runTool(engine, 'summarize', config, sales, { mode: 'update' });
    expect(summary.tools.t.status).not.toBe('error');
    const fields = summary.tools.t.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`);
    expect(fields).toEqual([
      'region:v_string', 'Count:int64', 'CountNonNull_qty:int64', 'CountDistinct_big:int64', 'Sum_qty:int64', 'Sum_big:int64',
      'Sum_price:double', 'Avg_price:double', 'Median_qty:double', 'Min_day:date', 'Max_day:date', 'First_qty:int32', 'Last_price:double', 'AllQty:v_wstring',
    ]);
  });

  it('aggregates per group, groups ordered by value with nulls first', async () => {
    const { summary, outputs } = await runTool(engine, 'summarize', config, sales, { packetRows: 2 });
    expect(summary.status).toBe('ok');
    expect(outputs.Output).toEqual([
      { region: null, Count: '1', CountNonNull_qty: '1', CountDistinct_big: '1', Sum_qty: '3', Sum_big: '2', Sum_price: null, Avg_price: null, Median_qty: 3, Min_day: '2026-03-01', Max_day: '2026-03-01', First_qty: 3, Last_price: null, AllQty: '3' },
      { region: 'north', Count: '3', CountNonNull_qty: '2', CountDistinct_big: '2', Sum_qty: '7', Sum_big: '18014398509481982', Sum_price: 21.5, Avg_price: 21.5 / 3, Median_qty: 3.5, Min_day: '2024-06-30', Max_day: '2026-01-02', First_qty: 1, Last_price: 16, AllQty: '1|6' },
      { region: 'south', Count: '2', CountNonNull_qty: '2', CountDistinct_big: '1', Sum_qty: '7', Sum_big: '1', Sum_price: 10.5, Avg_price: 5.25, Median_qty: 3.5, Min_day: '2025-12-31', Max_day: '2026-02-01', First_qty: 2, Last_price: 8, AllQty: '2|5' },
      { region: 'ñandú', Count: '1', CountNonNull_qty: '1', CountDistinct_big: '1', Sum_qty: '7', Sum_big: '0', Sum_price: 0.25, Avg_price: 0.25, Median_qty: 7, Min_day: '2026-11-21', Max_day: '2026-11-21', First_qty: 7, Last_price: 0.25, AllQty: '7' },
    ]);
  });

  it('gives one row for an empty input without group-by, none with', async () => {
    const empty: TestData = { fields: sales.fields, columns: { region: [], qty: [], big: [], price: [], day: [] } };
    const whole = await runTool(engine, 'summarize', { groupBy: [], aggregations: [{ action: 'count' }, { action: 'sum', field: 'price' }] }, empty);
    expect(whole.outputs.Output).toEqual([{ Count: '0', Sum_price: null }]);
    const grouped = await runTool(engine, 'summarize', config, empty);
    expect(grouped.summary.tools.t.outputs.Output.records).toBe(0);
  });

  it('names the problem when a field is missing or not a number', async () => {
    const { summary, messages } = await runTool(engine, 'summarize', { groupBy: ['nope'], aggregations: [{ action: 'sum', field: 'region' }] }, sales, { mode: 'update' });
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join('\n')).toMatch(/group-by field "nope" is not in the input/);
    expect(messages.join('\n')).toMatch(/"region" is v_string, not a number/);
  });

  it('fails with a clear message when an int64 sum leaves int64 (no silent wrap)', async () => {
    const huge: TestData = { fields: [{ name: 'v', type: 'int64' }], columns: { v: [2n ** 62n, 2n ** 62n] } };
    const { summary, messages } = await runTool(engine, 'summarize', { groupBy: [], aggregations: [{ action: 'sum', field: 'v' }] }, huge);
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join()).toMatch(/the sum of "v" overflows int64/);
  });

  it('gives the mode (first seen among ties), null-free sample statistics and null below two values', async () => {
    const data: TestData = {
      fields: [{ name: 'g', type: 'v_string' }, { name: 'x', type: 'double' }, { name: 's', type: 'v_string' }],
      columns: { g: ['a', 'a', 'a', 'a', 'b', 'b'], x: [2, 4, 4, null, 5, null], s: ['q', 'p', 'p', 'q', '', null] },
    };
    const aggregations = [
      { action: 'mode', field: 's' }, { action: 'mode', field: 'x' }, { action: 'stdDev', field: 'x' }, { action: 'variance', field: 'x' },
      { action: 'percentile', field: 'x', percentile: 50 }, { action: 'countNull', field: 's' }, { action: 'countBlank', field: 's' },
      { action: 'countDistinct', field: 's', includeNull: true, outputName: 'withNull' }, { action: 'countDistinct', field: 's' },
    ];
    const { outputs } = await runTool(engine, 'summarize', { groupBy: ['g'], aggregations }, data, { packetRows: 2 });
    expect(outputs.Output).toEqual([
      { g: 'a', Mode_s: 'q', Mode_x: 4, StdDev_x: Math.sqrt(4 / 3), Variance_x: 4 / 3, Percentile_x: 4, CountNull_s: '0', CountBlank_s: '0', withNull: '2', CountDistinct_s: '2' },
      { g: 'b', Mode_s: '', Mode_x: 5, StdDev_x: null, Variance_x: null, Percentile_x: 5, CountNull_s: '1', CountBlank_s: '2', withNull: '2', CountDistinct_s: '1' },
    ]);
  });

  it('asks for the percentile when it is missing', async () => {
    const { messages } = await runTool(engine, 'summarize', { groupBy: [], aggregations: [{ action: 'percentile', field: 'price' }] }, sales, { mode: 'update' });
    expect(messages.join()).toMatch(/aggregation 1 \(percentile\): set the percentile, from 0 to 100/);
  });
});
