import { describe, expect, it } from 'vitest';
import type { Metadata } from '../../shared/sdk/index.js';
import { ColumnBatch } from './batch.js';
import { columnFromValues, columnValues } from './columns.js';
import { compileFormula } from './formula.js';
import { valueTypeOfField, type Scalar } from './values.js';

const metadata: Metadata = {
  fields: [
    { name: 'a', type: 'int64' },
    { name: 'b', type: 'int64' },
    { name: 'x', type: 'double' },
    { name: 's', type: 'v_wstring' },
    { name: 'flag', type: 'bool' },
    { name: 'd', type: 'date' },
  ],
};

type Row = Partial<Record<'a' | 'b' | 'x' | 's' | 'flag' | 'd', Scalar>>;

function run(text: string, rows: Row[]): { values: Scalar[]; warnings: string[] } {
  const compiled = compileFormula(text, metadata);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const batch = new ColumnBatch(rows.length, (name) => {
    const field = metadata.fields.find((f) => f.name === name)!;
    return columnFromValues(valueTypeOfField(field.type), rows.map((r) => r[name as keyof Row] ?? null));
  });
  return { values: columnValues(compiled.formula.evaluate(batch)), warnings: compiled.formula.takeWarnings() };
}

const values = (text: string, rows: Row[]) => run(text, rows).values;

describe('evaluation', () => {
  it('propagates null through arithmetic, comparison and functions', () => {
    const rows: Row[] = [{ a: 1n, x: 2 }, { a: null, x: 2 }, { a: 3n, x: null }];
    expect(values('[a] + [x]', rows)).toEqual([3, null, null]);
    expect(values('[a] > 0', rows)).toEqual([true, null, true]);
    expect(values('Sqrt([x])', rows)).toEqual([Math.SQRT2, Math.SQRT2, null]);
    expect(values('IsNull([a])', rows)).toEqual([false, true, false]);
    expect(values('Coalesce([a], -1)', rows)).toEqual([1, -1, 3]);
  });

  it('uses three-valued logic for AND, OR and NOT', () => {
    const rows: Row[] = [{ flag: true }, { flag: false }, { flag: null }];
    expect(values('[flag] AND null', rows)).toEqual([null, false, null]);
    expect(values('[flag] OR null', rows)).toEqual([true, null, null]);
    expect(values('NOT [flag]', rows)).toEqual([false, true, null]);
    expect(values('[flag] AND true', rows)).toEqual([true, false, null]);
    expect(values('[flag] OR false', rows)).toEqual([true, false, null]);
  });

  it('keeps int64 arithmetic exact beyond 2^53', () => {
    const rows: Row[] = [{ a: 9007199254740993n, b: 2n }, { a: 2n ** 62n, b: 3n }, { a: -(2n ** 63n), b: 1n }];
    expect(values('[a] + [b]', rows)).toEqual([9007199254740995n, 2n ** 62n + 3n, -(2n ** 63n) + 1n]);
    expect(values('[a] * 1', rows)).toEqual([9007199254740993n, 2n ** 62n, -(2n ** 63n)]);
    // the last row's difference leaves the int64 range: null, so the comparison is null too
    expect(values('[a] - [b] = [a] - [b]', rows)).toEqual([true, true, null]);
    expect(values('[a] > 9007199254740992', rows)).toEqual([true, true, false]);
    expect(values('[a] % 10', rows)).toEqual([3, 4, -8]);
    // a product just past 2^53 (odd, so no double holds it) must still be exact
    expect(values('94906267 * 94906267', [{}])).toEqual([9007199515875289n]);
  });

  it('turns int64 overflow into null with a warning', () => {
    const result = run('[a] * [b]', [{ a: 2n ** 62n, b: 4n }, { a: 5n, b: 5n }]);
    expect(result.values).toEqual([null, 25]);
    expect(result.warnings[0]).toContain('outside the 64-bit range');
  });

  it('mixes int64 with double as double', () => {
    expect(values('[a] + [x]', [{ a: 9007199254740993n, x: 0.5 }])).toEqual([9007199254740992]);
    expect(values('[a] / [b]', [{ a: 7n, b: 2n }])).toEqual([3.5]);
  });

  it('gives null for division or remainder by zero', () => {
    expect(values('[x] / 0', [{ x: 1 }])).toEqual([null]);
    expect(values('[a] % [b]', [{ a: 1n, b: 0n }, { a: 7n, b: 4n }])).toEqual([null, 3]);
  });

  it('evaluates an IF branch only on the rows that reach it', () => {
    const rows: Row[] = [{ s: '12' }, { s: 'abc' }, { s: null }];
    const result = run('IF IsInteger([s]) THEN ToNumber([s]) ELSEIF IsNull([s]) THEN -1 ELSE 0 ENDIF', rows);
    expect(result.values).toEqual([12, 0, -1]);
    expect(result.warnings).toEqual([]);
    expect(values('IF [flag] THEN "y" ENDIF', [{ flag: true }, { flag: false }, { flag: null }])).toEqual(['y', null, null]);
    expect(values('IIF([a] > 1, [a], [x])', [{ a: 5n, x: 0.5 }, { a: 0n, x: 0.5 }])).toEqual([5, 0.5]);
  });

  it('evaluates IN and NOT IN with SQL nulls', () => {
    const rows: Row[] = [{ a: 1n }, { a: 4n }, { a: null }];
    expect(values('[a] IN (1, 2)', rows)).toEqual([true, false, null]);
    expect(values('[a] NOT IN (1, 2)', rows)).toEqual([false, true, null]);
    expect(values('[a] IN (1, null)', rows)).toEqual([true, null, null]);
    expect(values('[s] IN ("x", "y")', [{ s: 'y' }])).toEqual([true]);
  });

  it('joins and compares unicode text', () => {
    const rows: Row[] = [{ s: 'Zürich' }, { s: '東京😀' }];
    expect(values('[s] + "!"', rows)).toEqual(['Zürich!', '東京😀!']);
    expect(values('Length([s])', rows)).toEqual([6, 3]);
    expect(values('Right([s], 1)', rows)).toEqual(['h', '😀']);
    expect(values('Upper([s])', rows)).toEqual(['ZÜRICH', '東京😀']);
    expect(values('[s] < "東"', rows)).toEqual([true, false]);
  });

  it('works with dates as ISO text', () => {
    const rows: Row[] = [{ d: '2024-02-29' }, { d: '2026-11-21' }, { d: null }];
    expect(values('DateTimeAdd([d], 1, "years")', rows)).toEqual(['2025-02-28', '2027-11-21', null]);
    expect(values('[d] >= "2025-01-01"', rows)).toEqual([false, true, null]);
    expect(values('DateTimeDiff([d], "2024-01-01", "days")', rows)).toEqual([59, 1055, null]);
    expect(values('DateTimeFormat([d], "%A %e %b")', rows)).toEqual(['Thursday 29 Feb', 'Saturday 21 Nov', null]);
    expect(values('ToDateTime([d])', rows.slice(0, 1))).toEqual(['2024-02-29 00:00:00']);
  });

  it('warns about data that does not convert, with a row count', () => {
    // as Alteryx: text that is not a number gives 0 (or null with keepNulls) and a conversion warning
    const result = run('ToNumber([s])', [{ s: 'x' }, { s: 'x' }, { s: '1' }, { s: '12ab' }]);
    expect(result.values).toEqual([0, 0, 1, 12]);
    expect(result.warnings).toEqual(['ToNumber: "x" is not a number (2 rows)', 'ToNumber: "12ab" is not a number']);
    const kept = run('ToNumber([s], 1, 1)', [{ s: 'x' }, { s: null }, { s: '2' }]);
    expect(kept.values).toEqual([null, null, 2]);
    expect(kept.warnings).toEqual([]);
  });

  it('runs a catastrophic-backtracking pattern on the linear engine, and backreferences step-limited', () => {
    expect(values('RegexMatch([s], "(a+)+$")', [{ s: `${'a'.repeat(5000)}!` }])).toEqual([false]);
    const limited = run('RegexMatch([s], "(a*)*\\1b")', [{ s: 'a'.repeat(40) }, { s: 'aab' }]);
    expect(limited.values).toEqual([null, true]);
    expect(limited.warnings[0]).toContain('backtracking steps');
  });

  it('folds constant parts once and handles empty batches', () => {
    expect(values('[x] * (2 + 3)', [{ x: 2 }])).toEqual([10]);
    expect(values('[x] + 1', [])).toEqual([]);
  });
});
