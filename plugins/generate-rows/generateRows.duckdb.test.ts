import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

it('matches DuckDB unnest(range(…)) per input row on 5k generated rows', async () => {
  const data = generateData(5_000, 23);
  const config = { updateExisting: false, field: 'i', type: 'int32', init: '1', condition: '[i] <= [qty] % 5', loop: '[i] + 1' };
  const weft = await runTool(engine, 'generate-rows', config, data, { packetRows: 701 });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ data }, `
    WITH d AS (SELECT rowid AS r, id, qty FROM data)
    SELECT id, CAST(i AS INTEGER) AS i FROM d, unnest(range(1, qty % 5 + 1)) AS t(i) ORDER BY r, i`);
  expect(expected.length).toBeGreaterThan(5_000);
  expect(weft.outputs.Output.map((r) => ({ id: r.id, i: r.i }))).toEqual(expected);
}, 60_000);
