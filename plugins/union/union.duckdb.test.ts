import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData, type TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

it('matches DuckDB UNION ALL BY NAME on generated data', async () => {
  const first = generateData(3_000, 31);
  const gen = generateData(2_000, 32);
  const second: TestData = {
    fields: [{ name: 'amount', type: 'double' }, { name: 'id', type: 'double' }, { name: 'note', type: 'v_string' }, { name: 'cat', type: 'v_wstring' }],
    columns: { amount: gen.columns.amount, id: gen.columns.id.map((v) => (v === null ? null : Number(v))), note: gen.columns.cat.map((v) => (v ? `n:${v}` : null)), cat: gen.columns.cat },
  };
  const weft = await runTool(engine, 'union', { mode: 'name' }, null, { packetRows: 500, inputs: [{ anchor: 'Input', data: first }, { anchor: 'Input', data: second }] });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ a: first, b: second }, `
    SELECT * EXCLUDE (src, rid) FROM (
      SELECT *, 1 AS src, rowid AS rid FROM a UNION ALL BY NAME SELECT *, 2 AS src, rowid AS rid FROM b
    ) ORDER BY src, rid`);
  expect(weft.outputs.Output.length).toBe(5_000);
  expect(weft.outputs.Output).toEqual(expected);
});
