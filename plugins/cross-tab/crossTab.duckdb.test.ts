import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery, roundDoubles } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';
import { columnName, headerKey } from './crossTabNames.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

it('matches DuckDB PIVOT (sum of amount by cat, one column per grp value; PIVOT drops the null header, so that column is a FILTER)', async () => {
  const data = generateData(5_000, 5);
  const weft = await runTool(engine, 'cross-tab', { groupFields: ['cat'], headerField: 'grp', valueField: 'amount', methods: ['sum'] }, data, { packetRows: 1024 });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ data }, `
    SELECT p.cat, "0" AS _0, "1" AS _1, "2" AS _2, "3" AS _3, "4" AS _4, n.total AS "Null"
    FROM (PIVOT data ON grp USING sum(amount) GROUP BY cat) p
    JOIN (SELECT cat, sum(amount) FILTER (WHERE grp IS NULL) AS total FROM data GROUP BY cat) n ON p.cat IS NOT DISTINCT FROM n.cat
    ORDER BY p.cat NULLS FIRST`);
  expect(expected.length).toBe(13);
  expect(roundDoubles(weft.outputs.Output)).toEqual(roundDoubles(expected));
}, 60_000);

it('matches DuckDB conditional aggregation for every method (unicode and punctuation in header values, nulls, two group fields)', async () => {
  const data = generateData(3_000, 9);
  const methods = ['sum', 'avg', 'countNonNull', 'countWithNulls', 'min', 'max', 'first', 'last', 'percentRow', 'percentColumn'];
  const weft = await runTool(engine, 'cross-tab', { groupFields: ['grp', 'flag'], headerField: 'cat', valueField: 'qty', methods }, data, { packetRows: 750 });
  expect(weft.summary.status).toBe('ok');
  const headers = [...new Set(data.columns.cat)];
  const catField = data.fields.find((f) => f.name === 'cat')!;
  const sql = (m: string, cond: string): string => {
    const any = `count(*) FILTER (WHERE ${cond}) > 0`;
    switch (m) {
      case 'sum': return `sum(qty::DOUBLE) FILTER (WHERE ${cond})`;
      case 'avg': return `avg(qty) FILTER (WHERE ${cond})`;
      case 'countNonNull': return `CASE WHEN ${any} THEN count(qty) FILTER (WHERE ${cond}) END`;
      case 'countWithNulls': return `CASE WHEN ${any} THEN count(*) FILTER (WHERE ${cond}) END`;
      case 'min': return `min(qty) FILTER (WHERE ${cond})`;
      case 'max': return `max(qty) FILTER (WHERE ${cond})`;
      case 'first': return `first(qty ORDER BY rowid) FILTER (WHERE ${cond})`;
      case 'last': return `last(qty ORDER BY rowid) FILTER (WHERE ${cond})`;
      case 'percentRow': return `100 * sum(qty) FILTER (WHERE ${cond}) / NULLIF(sum(qty), 0)`;
      default: return `100 * sum(qty) FILTER (WHERE ${cond}) / NULLIF(sum(sum(qty) FILTER (WHERE ${cond})) OVER (), 0)`;
    }
  };
  const prefixes: Record<string, string> = { sum: 'Sum', avg: 'Avg', countNonNull: 'Count', countWithNulls: 'CountWithNulls', min: 'Min', max: 'Max', first: 'First', last: 'Last', percentRow: 'PercentRow', percentColumn: 'PercentColumn' };
  const selects = headers.flatMap((h) => methods.map((m) => {
    const cond = h === null ? 'cat IS NULL' : `cat = '${String(h).replaceAll("'", "''")}'`;
    return `${sql(m, cond)} AS "${columnName(headerKey(h, catField), prefixes[m], true)}"`;
  }));
  const expected = await duckdbQuery({ data }, `SELECT grp, flag, ${selects.join(', ')} FROM data GROUP BY grp, flag ORDER BY grp NULLS FIRST, flag NULLS FIRST`);
  expect(expected.length).toBe(18);
  expect(roundDoubles(weft.outputs.Output)).toEqual(roundDoubles(expected));
  const names = weft.summary.tools.t.outputs.Output.metadata.fields.map((f) => f.name);
  expect(names.slice(0, 3)).toEqual(['grp', 'flag', 'Avg__']);
  expect(names).toContain('Avg___smile');
  expect(names).toContain('Max_東京');
  expect(names).toContain('Sum_a_b__quoted_');
}, 60_000);
