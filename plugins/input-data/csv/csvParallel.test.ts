import { describe, expect, it } from 'vitest';
import { csvOptions, csvTestFolder, readWholeCsv } from './csvTestFiles.js';

// The two-thread parse must give exactly what the one-thread parse gives: rows, types, reports, errors.
const { file } = csvTestFolder('weft-csv-par-');

/** rows with repeated strings, numbers, date-times; every `quoted`-th row has a quoted line break */
function content(rows: number, quoted: number, extra: (i: number) => string | null = () => null): string {
  const lines = ['id,cat,amount,ts,note'];
  for (let i = 0; i < rows; i++) {
    const note = quoted > 0 && i % quoted === 0 ? `"line ${i}\nmore, ""q"""` : `n${i % 5}`;
    lines.push(extra(i) ?? `${i},c${i % 9},${(i * 1.25).toFixed(2)},2026-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00,${note}`);
  }
  return lines.join('\n') + '\n';
}

describe('CSV two-thread parse', () => {
  it('gives the serial rows, types and reports, in order, whatever the range size', async () => {
    const p = file('plain.csv', content(3000, 0, (i) => (i === 1700 ? '1700,c1,not a number,2026-01-01T00:00:00,x' : i === 2500 ? '2500,c2' : null)));
    const types = { amount: 'double' as const };
    const serial = await readWholeCsv(csvOptions(p, { parallel: false, batchRows: 256, fieldTypes: types }));
    expect(serial.report.issueCount).toBe(1);
    for (const rangeBytes of [4000, 9999, 30000]) {
      const par = await readWholeCsv(csvOptions(p, { parallel: true, rangeBytes, batchRows: 256, fieldTypes: types }));
      expect(par.rows).toEqual(serial.rows);
      expect(par.report).toEqual(serial.report);
      // each range ends its own last packet: more packets than the serial parse shows both threads ran
      expect(par.batches.length).toBeGreaterThan(serial.batches.length);
      expect(par.batches.map((b) => String(b.schema.fields[1].type))).toContain('Dictionary<Int32, Utf8>');
    }
    expect(serial.report.issues[0]).toMatchObject({ line: 1702, field: 'amount' });
    expect(serial.report.firstShortLine).toBe(2502);
  });

  it('falls back to the serial parse when a cut lands inside a quoted line break', async () => {
    const p = file('quoted.csv', content(2000, 3));
    const serial = await readWholeCsv(csvOptions(p, { parallel: false, batchRows: 100 }));
    for (const rangeBytes of [1500, 5000]) {
      const par = await readWholeCsv(csvOptions(p, { parallel: true, rangeBytes, batchRows: 100 }));
      expect(par.rows).toEqual(serial.rows);
      expect(par.report).toEqual(serial.report);
    }
    expect(serial.rows[1998]).toMatchObject({ id: 1998, note: 'line 1998\nmore, "q"' });
  });

  it('a malformed row in a later range fails with the serial error and line', async () => {
    const p = file('broken.csv', content(3000, 0, (i) => (i === 2222 ? '2222,c1,1.5,2026-01-01T00:00:00,x,extra' : null)));
    await expect(readWholeCsv(csvOptions(p, { parallel: false }))).rejects.toThrow('broken.csv: line 2224, column 6: too many fields');
    await expect(readWholeCsv(csvOptions(p, { parallel: true, rangeBytes: 5000 }))).rejects.toThrow('broken.csv: line 2224, column 6: too many fields');
    // small packets: either thread has handed on packets of the range before the bad row
    for (const rangeBytes of [4000, 5000, 7000, 11000]) {
      await expect(readWholeCsv(csvOptions(p, { parallel: true, rangeBytes, batchRows: 40 }))).rejects.toThrow('broken.csv: line 2224, column 6: too many fields');
    }
  });

  it('counts changed values the same in either thread and across any chunk cut', async () => {
    // invalid UTF-8 (in a quoted field with a line break), a rounded integer and an overflow, in later ranges
    const changed = (i: number) => (i === 1500 ? `1500,c1,12345678901234567890123,2026-01-01T00:00:00,"bad \xff\nbyte"`
      : i === 2600 ? '2600,c2,1e999,2026-01-01T00:00:00,\xfe' : null);
    const p = file('changed.csv', Buffer.from(content(3000, 0, changed), 'latin1'));
    const serial = await readWholeCsv(csvOptions(p, { parallel: false, batchRows: 256 }));
    expect(serial.report.changes).toEqual({
      invalidUtf8: { count: 2, line: 1502, field: 'note', value: 'bad \uFFFD\nbyte' },
      integerAsDouble: { count: 1, line: 1502, field: 'amount', value: '12345678901234567890123' },
      overflow: { count: 1, line: 2603, field: 'amount', value: '1e999' },
    });
    for (const chunkBytes of [97]) {
      expect((await readWholeCsv(csvOptions(p, { parallel: false, batchRows: 256, chunkBytes }))).report).toEqual(serial.report);
    }
    for (const rangeBytes of [4000, 9999]) {
      const par = await readWholeCsv(csvOptions(p, { parallel: true, rangeBytes, batchRows: 256 }));
      expect(par.report).toEqual(serial.report);
    }
  });
});
