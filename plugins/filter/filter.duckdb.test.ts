// Differential test: the Filter tool against DuckDB's WHERE on the same generated rows (int64
// beyond 2^53, unicode, ~8% nulls): the same rows, in input order, on each output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: Awaited<ReturnType<typeof engineWithTestkit>>;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data = generateData(5_000, 33);

const cases: [string, string][] = [
  ['[amount] > 100 AND [qty] < 50', 'amount > 100 AND qty < 50'],
  ['[cat] IN ("alpha", "Beta", "東京") OR IsNull([grp])', `cat IN ('alpha', 'Beta', '東京') OR grp IS NULL`],
  ['[cat] NOT IN ("alpha", "zeta")', `cat NOT IN ('alpha', 'zeta')`],
  ['[id] > 9007199254740992 OR [id] % 7 = 3', 'id > 9007199254740992 OR id % 7 = 3'],
  ['Contains([cat], "a", 0) AND NOT [flag]', `contains(cat, 'a') AND NOT flag`],
  ['Length([cat]) >= 5 AND [day] >= "2022-01-01"', `length(cat) >= 5 AND day >= '2022-01-01'`],
  ['IF [grp] = 1 THEN [amount] > 0 ELSEIF [grp] = 2 THEN [flag] ELSE [qty] > 50 ENDIF', 'CASE WHEN grp = 1 THEN amount > 0 WHEN grp = 2 THEN flag ELSE qty > 50 END'],
  ['[amount] * [qty] / 2 > 1000 OR [flag] = true', 'amount * qty / 2 > 1000 OR flag = true'],
  ['StartsWith([cat], "A", 0) || EndsWith([cat], "a", 0) && [grp] <> 3', `starts_with(cat, 'A') OR (ends_with(cat, 'a') AND grp <> 3)`],
  ['IsEmpty([cat]) OR [qty] + [grp] * 2 <= 20', `(cat IS NULL OR cat = '') OR qty + grp * 2 <= 20`],
];

describe('filter matches DuckDB', () => {
  for (const [formula, sql] of cases) {
    it(formula, async () => {
      const weft = await runTool(engine, 'filter', { expression: formula }, data, { packetRows: 1024 });
      expect(weft.summary.status).toBe('ok');
      const yes = await duckdbQuery({ data }, `SELECT * FROM data WHERE (${sql}) IS TRUE ORDER BY rowid`);
      const no = await duckdbQuery({ data }, `SELECT * FROM data WHERE (${sql}) IS NOT TRUE ORDER BY rowid`);
      expect(yes.length).toBeGreaterThan(0);
      expect(no.length).toBeGreaterThan(0);
      expect(weft.outputs.True ?? []).toEqual(yes);
      expect(weft.outputs.False ?? []).toEqual(no);
    });
  }
});
