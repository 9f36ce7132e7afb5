import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery, roundDoubles } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

it('matches DuckDB GROUP BY on 5k generated rows (nulls, unicode, int64 beyond 2^53, dates)', async () => {
  const data = generateData(5_000, 11);
  const config = {
    groupBy: ['cat', 'grp'],
    aggregations: [
      { action: 'count' }, { action: 'countNonNull', field: 'amount' }, { action: 'countDistinct', field: 'qty' },
      { action: 'sum', field: 'qty' }, { action: 'sum', field: 'id' }, { action: 'sum', field: 'amount' },
      { action: 'avg', field: 'amount' }, { action: 'median', field: 'amount' }, { action: 'min', field: 'day' },
      { action: 'max', field: 'id' }, { action: 'first', field: 'qty' }, { action: 'last', field: 'day' },
      { action: 'concat', field: 'flag', separator: '|' },
    ],
  };
  const weft = await runTool(engine, 'summarize', config, data, { packetRows: 1024 });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ data }, `
    SELECT cat, grp, count(*) AS "Count", count(amount) AS "CountNonNull_amount", count(DISTINCT qty) AS "CountDistinct_qty",
      sum(qty) AS "Sum_qty", sum(id) AS "Sum_id", sum(amount) AS "Sum_amount", avg(amount) AS "Avg_amount",
      median(amount) AS "Median_amount", min(day) AS "Min_day", max(id) AS "Max_id",
      first(qty ORDER BY rowid) AS "First_qty", last(day ORDER BY rowid) AS "Last_day",
      string_agg(CASE WHEN flag THEN 'True' WHEN NOT flag THEN 'False' END, '|' ORDER BY rowid) AS "Concat_flag"
    FROM data GROUP BY cat, grp ORDER BY cat NULLS FIRST, grp NULLS FIRST`);
  expect(expected.length).toBeGreaterThan(50);
  expect(weft.outputs.Output.length).toBe(expected.length);
  expect(roundDoubles(weft.outputs.Output)).toEqual(roundDoubles(expected));
});

it('matches DuckDB without group-by fields', async () => {
  const data = generateData(5_000, 3);
  const config = { groupBy: [], aggregations: [{ action: 'count' }, { action: 'sum', field: 'id' }, { action: 'min', field: 'cat' }, { action: 'max', field: 'cat' }, { action: 'countDistinct', field: 'cat' }] };
  const weft = await runTool(engine, 'summarize', config, data);
  const expected = await duckdbQuery({ data }, `SELECT count(*) AS "Count", sum(id) AS "Sum_id", min(cat) AS "Min_cat", max(cat) AS "Max_cat", count(DISTINCT cat) AS "CountDistinct_cat" FROM data`);
  expect(weft.outputs.Output).toEqual(expected);
});

it('matches DuckDB on a large stream (70k rows in 64k-row packets: one full, one part)', async () => {
  const data = generateData(70_000, 12);
  const config = { groupBy: ['grp', 'flag'], aggregations: [{ action: 'count' }, { action: 'sum', field: 'qty' }, { action: 'min', field: 'id' }, { action: 'avg', field: 'amount' }, { action: 'countDistinct', field: 'cat' }, { action: 'max', field: 'day' }] };
  const weft = await runTool(engine, 'summarize', config, data, { packetRows: 65_536 });
  expect(weft.messages).toEqual([]);
  const expected = await duckdbQuery({ data }, `
    SELECT grp, flag, count(*) AS "Count", sum(qty) AS "Sum_qty", min(id) AS "Min_id", avg(amount) AS "Avg_amount", count(DISTINCT cat) AS "CountDistinct_cat", max(day) AS "Max_day"
    FROM data GROUP BY grp, flag ORDER BY grp NULLS FIRST, flag NULLS FIRST`);
  expect(roundDoubles(weft.outputs.Output)).toEqual(roundDoubles(expected));
}, 60_000);

it('matches DuckDB on the statistics: null/blank counts, distinct with null, percentiles, sample std dev and variance', async () => {
  const data = generateData(5_000, 13);
  const config = {
    groupBy: ['grp'],
    aggregations: [
      { action: 'countNull', field: 'amount' }, { action: 'countBlank', field: 'cat' }, { action: 'countNonBlank', field: 'cat' },
      { action: 'countDistinct', field: 'cat', includeNull: true }, { action: 'percentile', field: 'amount', percentile: 25, outputName: 'P25' },
      { action: 'percentile', field: 'qty', percentile: 90, outputName: 'P90' }, { action: 'stdDev', field: 'amount' }, { action: 'variance', field: 'qty' },
    ],
  };
  const weft = await runTool(engine, 'summarize', config, data, { packetRows: 4096 });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ data }, `
    SELECT grp, count(*) FILTER (WHERE amount IS NULL) AS "CountNull_amount",
      count(*) FILTER (WHERE cat IS NULL OR cat = '') AS "CountBlank_cat", count(*) FILTER (WHERE cat <> '') AS "CountNonBlank_cat",
      count(DISTINCT cat) + max(CASE WHEN cat IS NULL THEN 1 ELSE 0 END) AS "CountDistinct_cat",
      quantile_cont(amount, 0.25) AS "P25", quantile_cont(qty, 0.9) AS "P90", stddev_samp(amount) AS "StdDev_amount", var_samp(qty) AS "Variance_qty"
    FROM data GROUP BY grp ORDER BY grp NULLS FIRST`);
  expect(expected.length).toBeGreaterThan(3);
  expect(roundDoubles(weft.outputs.Output)).toEqual(roundDoubles(expected));
});
