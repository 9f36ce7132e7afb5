import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery, roundDoubles } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

it('matches DuckDB sum() OVER (PARTITION BY … ROWS UNBOUNDED PRECEDING) on 5k generated rows', async () => {
  const data = generateData(5_000, 21);
  const weft = await runTool(engine, 'running-total', { groupBy: ['cat', 'flag'], fields: ['qty', 'id', 'amount'] }, data, { packetRows: 1013 });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ data }, `
    SELECT id, coalesce(sum(qty) OVER w, 0)::BIGINT AS "RunTot_qty", coalesce(sum(id) OVER w, 0)::BIGINT AS "RunTot_id",
      coalesce(sum(amount) OVER w, 0) AS "RunTot_amount"
    FROM data WINDOW w AS (PARTITION BY cat, flag ORDER BY rowid ROWS UNBOUNDED PRECEDING) ORDER BY rowid`);
  const got = weft.outputs.Output.map((r) => ({ id: r.id, RunTot_qty: r.RunTot_qty, RunTot_id: r.RunTot_id, RunTot_amount: r.RunTot_amount }));
  expect(roundDoubles(got)).toEqual(roundDoubles(expected));
}, 60_000);
