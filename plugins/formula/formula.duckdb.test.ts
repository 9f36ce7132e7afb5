// Differential test: the Formula tool against the same expressions in DuckDB SQL on the same
// generated rows (int64 beyond 2^53, unicode, dates, ~8% nulls): the same values, row by row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: Awaited<ReturnType<typeof engineWithTestkit>>;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data = generateData(5_000, 44);

// [output field, Weft formula, DuckDB expression (int64 results cast to BIGINT: both sides give decimal text)]
const formulas: [string, string, string][] = [
  ['total', '[qty] * [amount]', 'qty * amount'],
  ['ratio', '[amount] / [qty]', 'amount / qty'],
  ['big', '[id] * 3 + [qty]', 'id * 3 + qty'],
  ['rem', '[id] % 1000', 'id % 1000'],
  ['absid', 'Abs([id]) - 1', 'abs(id) - 1'],
  ['shout', 'Upper([cat]) + "!"', `upper(cat) || '!'`],
  ['len', 'Length([cat])', 'CAST(length(cat) AS BIGINT)'],
  ['mid', 'Substring([cat], 1, 3)', 'substring(cat, 2, 3)'],
  ['pos', 'FindString([cat], "a")', `CAST(strpos(cat, 'a') - 1 AS BIGINT)`],
  ['pick', 'IIF([flag], [grp], -1)', 'CAST(CASE WHEN flag THEN grp ELSE -1 END AS BIGINT)'],
  ['fill', 'Coalesce([grp], [qty], 0)', 'CAST(coalesce(grp, qty, 0) AS BIGINT)'],
  ['band', 'IF [amount] < 0 THEN "neg" ELSEIF [amount] < 500 THEN "low" ELSE "high" ENDIF', `CASE WHEN amount < 0 THEN 'neg' WHEN amount < 500 THEN 'low' ELSE 'high' END`],
  ['later', 'DateTimeAdd([day], 10, "days")', `strftime(CAST(day AS DATE) + INTERVAL 10 DAY, '%Y-%m-%d')`],
  ['age', 'DateTimeDiff([day], "2020-01-01", "days")', `CAST(date_diff('day', DATE '2020-01-01', CAST(day AS DATE)) AS BIGINT)`],
  ['yr', 'Year([day]) * 100 + Month([day])', 'CAST(year(CAST(day AS DATE)) * 100 + month(CAST(day AS DATE)) AS BIGINT)'],
  ['ok', '[amount] > 0 AND [flag]', 'amount > 0 AND flag'],
  ['floor', 'Floor([amount] / 7)', 'floor(amount / 7)'],
  ['neg', '-[amount] + [qty]', '-amount + qty'],
  ['qtxt', 'ToString([qty]) + "x"', `CAST(qty AS VARCHAR) || 'x'`],
  ['rtrim', 'Trim(Replace([cat], "a", " "))', `trim(replace(cat, 'a', ' '))`],
];

describe('formula matches DuckDB', () => {
  it('computes the same values for every formula on every row', async () => {
    const config = { formulas: formulas.map(([field, expression]) => ({ field, expression })) };
    const weft = await runTool(engine, 'formula', config, data, { packetRows: 1024 });
    expect(weft.summary.status).toBe('ok');
    const select = formulas.map(([field, , sql]) => `${sql} AS "${field}"`).join(', ');
    const expected = await duckdbQuery({ data }, `SELECT *, ${select} FROM data ORDER BY rowid`);
    expect(weft.outputs.Output).toHaveLength(expected.length);
    for (const [field] of formulas) {
      const got = weft.outputs.Output.map((row) => row[field]);
      const want = expected.map((row) => row[field]);
      expect(got, field).toEqual(want);
    }
    expect(weft.outputs.Output).toEqual(expected);
  });
});
