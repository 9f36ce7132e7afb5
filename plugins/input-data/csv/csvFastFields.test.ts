import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../../shared/sdk/index.js';
import { seededRandom } from '../../common/seededRandom.js';
import type { CsvOptions } from './csvReader.js';
import { csvOptions, csvTestFolder, readWholeCsv } from './csvTestFiles.js';

// The one-pass readers (csvFastFields.ts) take unquoted fields; a quoted field always takes the
// general path. So the same values written unquoted and quoted must read the same, reports included.
const { dir } = csvTestFolder('weft-csv-fast-');

const rnd = seededRandom(7);
const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(rnd() * 10))).join('');

const GEN: Record<string, () => string> = {
  int32: () => pick([
    () => digits(1 + Math.floor(rnd() * 9)), () => `-${digits(1 + Math.floor(rnd() * 10))}`, () => `+${digits(3)}`, () => `00${digits(2)}`,
    () => digits(16), () => '2147483647', () => '2147483648', () => '-2147483648', () => '-2147483649', () => '-', () => '1x', () => ' 5', () => '-0', () => '1.0',
  ])(),
  int16: () => pick([() => String(Math.floor(rnd() * 70000) - 35000), () => '32767', () => '32768', () => '-32769'])(),
  byte: () => pick([() => String(Math.floor(rnd() * 300) - 20), () => '255', () => '256'])(),
  int64: () => pick([
    () => digits(1 + Math.floor(rnd() * 15)), () => `-${digits(15)}`, () => digits(16), () => '9223372036854775807', () => '9223372036854775808', () => '-9007199254740993', () => 'x',
  ])(),
  double: () => pick([
    () => `${digits(1 + Math.floor(rnd() * 4))}.${digits(Math.floor(rnd() * 4))}`, () => `-${digits(2)}.${digits(2)}`, () => `.${digits(3)}`, () => `${digits(2)}.`,
    () => `${digits(3)}e${Math.floor(rnd() * 30) - 15}`, () => `${digits(17)}.${digits(3)}`, () => `0.${digits(25)}`, () => '-0.0', () => '+1.5', () => '.', () => '-',
    () => 'NaN', () => 'Infinity', () => '1.2.3', () => `0.000000000000000000000${digits(3)}`, () => '123456789012345', () => '1234567890123456',
  ])(),
  bool: () => pick(['true', 'false', 'TRUE', 'False', 'tRuE', 't', 'f', 'yes', 'no', 'Y', '1', '0', 'truex', 'fals', 'maybe']),
  date: () => pick([
    () => `20${digits(2)}-${pick(['01', '09', '12', '13', '00'])}-${pick(['01', '15', '31', '32', '00'])}`, () => '2026-1-01', () => '2026-01-01T', () => '20260101',
  ])(),
  datetime: () => pick([
    () => `2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}${pick([' ', 'T'])}${pick(['00', '09', '23', '24', '19'])}:${pick(['00', '59', '60', '30'])}:${pick(['00', '59', '60', '07'])}`,
    () => '2026-11-21T13:05', () => '2026-11-21 13:05:00Z', () => '2026-11-21T13:05:00.250', () => '2026-11-21', () => '2026-11-21x13:05:00', () => '2026-13-21 13:05:00', () => '2026-11-21 13:05:0',
    () => '2026-11-21 1a:05:00', () => '2026-11-21 13:05:00 ',
  ])(),
  v_wstring: () => pick(['alpha', 'Beta', 'Zoë', '東京', 'a b', 'x"y', 'alpha', 'alpha', ' alpha']),
};

const TYPES = Object.keys(GEN) as Field['type'][];

function options(p: string, extra: Partial<CsvOptions>): CsvOptions {
  return csvOptions(p, { file: 'fast.csv', fieldTypes: Object.fromEntries(TYPES.map((t) => [t, t])), ...extra });
}

async function readAll(o: CsvOptions) {
  const { rows, report, schema } = await readWholeCsv(o);
  return { rows, report, types: schema.fields.map((f) => f.type) };
}

describe('CSV one-pass field readers', () => {
  it('read every kind of value exactly as the general path does, reports included', async () => {
    const rows = Array.from({ length: 3000 }, () => TYPES.map((t) => GEN[t]()));
    // empty fields only unquoted (quoted "" is an empty value, not a null)
    for (let i = 0; i < rows.length; i += 37) rows[i][i % TYPES.length] = '';
    const quote = (v: string) => (v === '' ? v : `"${v.replace(/"/g, '""')}"`);
    const plain = (v: string) => (v.includes('"') || v.includes(',') ? quote(v) : v);
    const header = TYPES.join(',');
    for (const eol of ['\n', '\r\n']) {
      const unquoted = path.join(dir, `plain${eol.length}.csv`);
      const quoted = path.join(dir, `quoted${eol.length}.csv`);
      writeFileSync(unquoted, [header, ...rows.map((r) => r.map(plain).join(','))].join(eol));
      writeFileSync(quoted, [header, ...rows.map((r) => r.map(quote).join(','))].join(eol));
      const general = await readAll(options(quoted, { batchRows: 256 }));
      expect(general.types).toEqual(TYPES);
      expect(general.report.issueCount).toBeGreaterThan(300);
      for (const chunkBytes of [31, 4096, undefined]) {
        const fast = await readAll(options(unquoted, { batchRows: 256, chunkBytes }));
        expect(fast.rows).toEqual(general.rows);
        expect(fast.report).toEqual(general.report);
      }
    }
    const sample = await readAll(options(path.join(dir, 'plain1.csv'), {}));
    const ints = sample.rows.map((r) => r.int32).filter((v) => v !== null);
    expect(ints.length).toBeGreaterThan(1000);
  });

  it('reads the last field of a file without a final line end', async () => {
    const p = path.join(dir, 'noeol.csv');
    writeFileSync(p, 'int32,double,bool,datetime,v_wstring\n1,2.5,true,2026-01-02 03:04:05,alpha\n-7,0.25,FALSE,2026-01-02T03:04:05,beta');
    const { rows } = await readAll({ ...options(p, {}), fieldTypes: { int32: 'int32', double: 'double', bool: 'bool', datetime: 'datetime', v_wstring: 'v_wstring' } });
    expect(rows).toEqual([
      { int32: 1, double: 2.5, bool: true, datetime: '2026-01-02 03:04:05', v_wstring: 'alpha' },
      { int32: -7, double: 0.25, bool: false, datetime: '2026-01-02 03:04:05', v_wstring: 'beta' },
    ]);
  });
});
