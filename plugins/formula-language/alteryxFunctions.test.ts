// The behaviours of the Alteryx-compatible functions that one documented example per function
// cannot show: per-row random values, messages only from the rows that reach them, time zones,
// exact int64 bit operations, and the list of functions Alteryx workflows commonly call.
import { afterEach, describe, expect, it } from 'vitest';
import type { Metadata } from '../../shared/sdk/index.js';
import { ColumnBatch } from './batch.js';
import { columnFromValues, columnValues } from './columns.js';
import { compileFormula } from './formula.js';
import { FUNCTIONS } from './functionTable.js';
import { valueTypeOfField, type Scalar } from './values.js';

const metadata: Metadata = { fields: [{ name: 'n', type: 'int64' }, { name: 's', type: 'v_wstring' }] };

function run(text: string, rows: { n?: Scalar; s?: Scalar }[]): { values: Scalar[]; warnings: string[] } {
  const compiled = compileFormula(text, metadata);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const batch = new ColumnBatch(rows.length, (name) => {
    const field = metadata.fields.find((f) => f.name === name)!;
    return columnFromValues(valueTypeOfField(field.type), rows.map((r) => r[name as 'n' | 's'] ?? null));
  });
  return { values: columnValues(compiled.formula.evaluate(batch)), warnings: compiled.formula.takeWarnings() };
}

const TZ = process.env.TZ;
afterEach(() => {
  if (TZ === undefined) delete process.env.TZ;
  else process.env.TZ = TZ;
});

describe('Alteryx-compatible functions', () => {
  it('has the functions Alteryx workflows commonly call', () => {
    const names = new Set(FUNCTIONS.flatMap((f) => [f.name, ...(f.aliases ?? [])].map((n) => n.toLowerCase())));
    const common = [
      'IsEmpty', 'IsNull', 'Left', 'Right', 'Substring', 'Trim', 'TrimLeft', 'TrimRight', 'Contains', 'StartsWith', 'EndsWith', 'FindString',
      'REGEX_Match', 'REGEX_Replace', 'REGEX_CountMatches', 'PadLeft', 'PadRight', 'ReverseString', 'Titlecase', 'DateTimeParse',
      'DateTimeFormat', 'DateTimeDiff', 'DateTimeNow', 'DateTimeToday', 'DateTimeTrim', 'DateTimeYear', 'DateTimeMonth', 'DateTimeDay',
      'DateTimeHour', 'DateTimeMinute', 'DateTimeSecond', 'ToNumber', 'ToString', 'ToDate', 'ToDateTime', 'Round', 'Ceil', 'Floor', 'Mod',
      'Pow', 'Abs', 'Min', 'Max', 'Length', 'CountWords', 'Uppercase', 'Lowercase', 'Replace', 'ReplaceChar', 'ReplaceFirst', 'GetWord', 'Switch',
      'DateTimeFirstOfMonth', 'DateTimeLastOfMonth', 'DateTimeStart', 'DateTimeToUTC', 'DateTimeToLocal', 'FindNth', 'GetLeft', 'GetRight',
      'GetPart', 'AverageNonNull', 'Median', 'Rand', 'RandInt', 'UuidCreate', 'MD5_ASCII', 'MD5_UNICODE', 'StripQuotes', 'SmartRound',
      'BinToInt', 'IntToBin', 'SinH', 'CosH', 'TanH', 'ToDegrees', 'ToRadians', 'STRSPN', 'STRCSPN', 'CompareDictionary', 'CompareDigits',
      'CompareEpsilon', 'EqualStrings', 'MinIDX', 'MaxIDX', 'BinaryAnd', 'BinaryOr', 'BinaryNot', 'BinaryXOr', 'ShiftLeft', 'ShiftRight',
      'Soundex', 'UrlEncode', 'EscapeXMLMetacharacters', 'DecomposeUnicodeForMatch', 'GetVal', 'Message', 'Average',
    ];
    expect(common.filter((name) => !names.has(name.toLowerCase()))).toEqual([]);
  });

  it('draws a new random value on every row', () => {
    const rows = Array.from({ length: 200 }, () => ({}));
    expect(new Set(run('Rand()', rows).values).size).toBeGreaterThan(190);
    const ints = run('RandInt(2)', rows).values;
    expect(new Set(ints)).toEqual(new Set([0, 1, 2]));
    expect(new Set(run('UuidCreate()', rows).values).size).toBe(200);
  });

  it('adds a message only for the rows that reach it, and returns its value', () => {
    const result = run('IF [n] < 0 THEN Message(2, "negative " + ToString([n]), 0) ELSE [n] ENDIF', [{ n: 5n }, { n: -1n }, { n: -1n }, { n: 2n }]);
    expect(result.values).toEqual([5, 0, 0, 2]);
    expect(result.warnings).toEqual(['Message: negative -1 (2 rows)']);
    expect(run('IF [n] < 0 THEN Message(2, "never", 0) ELSE [n] ENDIF', [{ n: 1n }]).warnings).toEqual([]);
  });

  it('converts between local time and UTC in the computer\'s zone', () => {
    process.env.TZ = 'America/New_York';
    expect(run('DateTimeToUTC("2026-11-21 13:05:00")', [{}]).values).toEqual(['2026-11-21 18:05:00']);
    expect(run('DateTimeToLocal("2026-07-01 12:00:00")', [{}]).values).toEqual(['2026-07-01 08:00:00']);
    process.env.TZ = 'Asia/Kolkata';
    expect(run('DateTimeToUTC("2026-01-01 00:00:00")', [{}]).values).toEqual(['2025-12-31 18:30:00']);
  });

  it('keeps bit operations exact over the whole int64 range', () => {
    const big = 2n ** 62n + 1n;
    expect(run('BinaryAnd([n], 1)', [{ n: big }]).values).toEqual([1]);
    expect(run('ShiftRight([n], 62)', [{ n: big }]).values).toEqual([1]);
    expect(run('ShiftLeft([n], 1)', [{ n: big }]).values).toEqual([-(2n ** 63n) + 2n]);
    expect(run('BinToInt(IntToBin([n]))', [{ n: -5n }]).values).toEqual([-5]);
    const bad = run('ShiftLeft(1, [n])', [{ n: 64n }]);
    expect(bad.values).toEqual([null]);
    expect(bad.warnings[0]).toContain('the count must be 0 to 63');
  });

  it('counts averages as Alteryx does: Average with nulls as 0, AverageNonNull without them', () => {
    const rows = [{ n: null }, { n: 4n }];
    expect(run('Average([n], 1, 1)', rows).values).toEqual([2 / 3, 2]);
    expect(run('AverageNonNull([n], 1, 1)', rows).values).toEqual([1, 2]);
    expect(run('Median([n], 1, 7)', rows).values).toEqual([4, 4]);
  });
});
