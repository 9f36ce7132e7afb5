// Differential test of the Alteryx-compatible functions that DuckDB also has: hashes, bit
// operations over the whole int64 range, list statistics, splitting, POSIX-class regexes with
// backreference replacements, grouped number text and date formats, on the same generated rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: Awaited<ReturnType<typeof engineWithTestkit>>;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data = generateData(3_000, 91);

// [output field, Weft formula, DuckDB expression (int64 results as BIGINT: both sides give decimal text)]
const formulas: [string, string, string][] = [
  ['hash', 'MD5_UTF8([cat])', 'md5(cat)'],
  ['band', 'BinaryAnd([id], 1023)', 'id & 1023'],
  ['bor', 'BinaryOr([id], 5)', 'id | 5'],
  ['bxor', 'BinaryXOr([id], 123456789)', 'xor(id, 123456789)'],
  ['bnot', 'BinaryNot([id])', '~id'],
  ['shr', 'ShiftRight([id], 3)', 'id >> 3'],
  ['shl', 'ShiftLeft([qty], 20)', 'CAST(qty AS BIGINT) << 20'],
  ['bits', 'IntToBin([qty])', 'bin(qty)'],
  ['med', 'Median([qty], [grp], [amount])', 'list_median([qty, grp, amount])'],
  ['avg', 'AverageNonNull([qty], [amount])', 'list_avg([qty, amount])'],
  ['part', 'GetPart([cat], " ", 1)', `string_split(cat, ' ')[2]`],
  ['left', 'GetLeft([cat], " ")', `CASE WHEN strpos(cat, ' ') > 0 THEN substr(cat, 1, strpos(cat, ' ') - 1) ELSE cat END`],
  ['marks', 'REGEX_Replace([cat], "([aeiou])", "<\\1>")', `regexp_replace(cat, '([aeiou])', '<\\1>', 'g')`],
  ['letters', 'REGEX_CountMatches([cat], "[[:alpha:]]")', `CAST(len(regexp_extract_all(cat, '[[:alpha:]]')) AS BIGINT)`],
  ['money', 'ToString([amount], 2, 1)', `format('{:,.2f}', amount)`],
  ['when', 'DateTimeFormat([day], "%D %a %j %B")', `strftime(CAST(day AS DATE), '%m/%d/%y %a %j %B')`],
];

describe('Alteryx functions match DuckDB', () => {
  it('computes the same values for every formula on every row', async () => {
    const config = { formulas: formulas.map(([field, expression]) => ({ field, expression })) };
    const weft = await runTool(engine, 'formula', config, data, { packetRows: 1000 });
    expect(weft.summary.status, weft.messages.join('\n')).toBe('ok');
    const select = formulas.map(([field, , sql]) => `${sql} AS "${field}"`).join(', ');
    const expected = await duckdbQuery({ data }, `SELECT *, ${select} FROM data ORDER BY rowid`);
    expect(weft.outputs.Output).toHaveLength(expected.length);
    for (const [field] of formulas) {
      const got = weft.outputs.Output.map((row) => row[field]);
      expect(got, field).toEqual(expected.map((row) => row[field]));
      // a comparison of nulls with nulls would prove nothing
      expect(new Set(got.filter((v) => v !== null)).size, field).toBeGreaterThan(1);
    }
  }, 120_000);
});
