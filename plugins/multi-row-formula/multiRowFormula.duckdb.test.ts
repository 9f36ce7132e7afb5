import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PreviewRow } from '../../shared/runEvents.js';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery, roundDoubles } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const pick = (rows: PreviewRow[], names: string[]): PreviewRow[] => rows.map((r) => Object.fromEntries(names.map((n) => [n, r[n]])));

it('matches DuckDB lag/lead on 5k generated rows streamed in packets of 997', async () => {
  const data = generateData(5_000, 5);
  const config = { updateExisting: false, field: 'D', type: 'double', missingRows: 'null', expression: '[Row+2:amount] - [Row-3:amount]' };
  const weft = await runTool(engine, 'multi-row-formula', config, data, { packetRows: 997 });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ data }, `
    SELECT id, lead(amount, 2) OVER w - lag(amount, 3) OVER w AS "D" FROM data WINDOW w AS (ORDER BY rowid) ORDER BY rowid`);
  expect(roundDoubles(pick(weft.outputs.Output, ['id', 'D']))).toEqual(roundDoubles(expected));
});

it('matches DuckDB lag/lead with defaults and a running sum, per group (partition by), groups ordered nulls first', async () => {
  const data = generateData(2_000, 9);
  const lagLead = { updateExisting: false, field: 'L', type: 'int64', missingRows: 'empty', groupBy: ['grp'], expression: 'IIF(IsNull([Row-1:qty]), -7, [Row-1:qty]) * 1000 + [Row+1:qty]' };
  const weft = await runTool(engine, 'multi-row-formula', lagLead, data, { packetRows: 333 });
  const expected = await duckdbQuery({ data }, `
    SELECT grp, id, CAST(coalesce(lag(qty, 1, 0) OVER w, -7) * 1000 + lead(qty, 1, 0) OVER w AS BIGINT) AS "L"
    FROM data WINDOW w AS (PARTITION BY grp ORDER BY rowid) ORDER BY grp NULLS FIRST, rowid`);
  expect(pick(weft.outputs.Output, ['grp', 'id', 'L'])).toEqual(expected);

  const running = { updateExisting: false, field: 'S', type: 'int64', groupBy: ['grp'], expression: '[Row-1:S] + IIF(IsNull([qty]), 0, [qty])' };
  const summed = await runTool(engine, 'multi-row-formula', running, data, { packetRows: 333 });
  const sums = await duckdbQuery({ data }, `
    SELECT grp, id, coalesce(sum(qty) OVER (PARTITION BY grp ORDER BY rowid ROWS UNBOUNDED PRECEDING), 0) AS "S"
    FROM data ORDER BY grp NULLS FIRST, rowid`);
  expect(pick(summed.outputs.Output, ['grp', 'id', 'S'])).toEqual(sums);
}, 60_000);
