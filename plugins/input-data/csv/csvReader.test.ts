import { describe, expect, it } from 'vitest';
import { csvOptions, csvTestFolder, readWholeCsv } from './csvTestFiles.js';

const { file } = csvTestFolder('weft-csv-');

describe('CSV reader', () => {
  it('detects types and reads values, nulls for empty unquoted fields', async () => {
    const p = file('types.csv', 'i,big,d,b,dt,ts,s\n1,9007199254740993,1.5,true,2026-11-21,2026-11-21T13:05:00,x\n,-2,,FALSE,,2026-01-02 03:04,""\n');
    const { schema, rows } = await readWholeCsv(csvOptions(p));
    expect(schema.fields.map((f) => f.type)).toEqual(['int32', 'int64', 'double', 'bool', 'date', 'datetime', 'v_wstring']);
    expect(rows[0]).toEqual({ i: 1, big: 9007199254740993n, d: 1.5, b: true, dt: '2026-11-21', ts: '2026-11-21 13:05:00', s: 'x' });
    expect(rows[1]).toEqual({ i: null, big: -2n, d: null, b: false, dt: null, ts: '2026-01-02 03:04:00', s: '' });
  });

  it('handles quotes with delimiters, escaped quotes, embedded CRLF newlines, BOM and unicode', async () => {
    const p = file('quoted.csv', '\ufeffname,note\r\n"Zoë, the ""first""","line1\r\nline2"\r\nplain,日本語\r\n');
    const { schema, rows } = await readWholeCsv(csvOptions(p));
    expect(schema.fields.map((f) => f.name)).toEqual(['name', 'note']);
    expect(rows).toEqual([{ name: 'Zoë, the "first"', note: 'line1\r\nline2' }, { name: 'plain', note: '日本語' }]);
  });

  it('parses the same across any chunk boundary', async () => {
    const lines = ['a,b,c'];
    for (let i = 0; i < 300; i++) lines.push(`${i},"q ""${i}""\nx",${i * 0.25}`);
    const p = file('chunks.csv', lines.join('\r\n'));
    const whole = await readWholeCsv(csvOptions(p));
    for (const chunkBytes of [7, 13, 64, 1000]) {
      const cut = await readWholeCsv(csvOptions(p, { chunkBytes, batchRows: 17 }));
      expect(cut.rows).toEqual(whole.rows);
    }
    expect(whole.rows).toHaveLength(300);
    expect(whole.rows[299]).toEqual({ a: 299, b: 'q "299"\nx', c: 74.75 });
  });

  it('reads rows longer than a chunk, and other encodings across chunk boundaries', async () => {
    const long = 'x'.repeat(5000);
    const lines = ['a,b'];
    for (let i = 0; i < 40; i++) lines.push(i % 9 === 0 ? `${i},"${long}${i}"` : `${i},café ${i} π`);
    const text = lines.join('\n') + '\n';
    const utf8 = file('long.csv', text);
    const whole = await readWholeCsv(csvOptions(utf8));
    expect(whole.rows).toHaveLength(40);
    expect(whole.rows[27]).toEqual({ a: 27, b: `${long}27` });
    for (const chunkBytes of [5, 64, 4096]) {
      expect((await readWholeCsv(csvOptions(utf8, { chunkBytes, batchRows: 7 }))).rows).toEqual(whole.rows);
      const u16 = file('long16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      expect((await readWholeCsv(csvOptions(u16, { encoding: 'utf16le', chunkBytes, batchRows: 7 }))).rows).toEqual(whole.rows);
      const l1 = file('long1.csv', Buffer.from(text.replace(/π/g, 'p'), 'latin1'));
      expect((await readWholeCsv(csvOptions(l1, { encoding: 'latin1', chunkBytes, batchRows: 7 }))).rows)
        .toEqual(whole.rows.map((r) => ({ ...r, b: String(r.b).replace(/π/g, 'p') })));
    }
  });

  it('empty file and header-only file give no rows', async () => {
    const empty = await readWholeCsv(csvOptions(file('empty.csv', '')));
    expect(empty.schema.fields).toEqual([]);
    expect(empty.rows).toEqual([]);
    const header = await readWholeCsv(csvOptions(file('header.csv', 'a,b\n')));
    expect(header.schema.fields.map((f) => f.name)).toEqual(['a', 'b']);
    expect(header.rows).toEqual([]);
  });

  it('no header row, skip rows, TSV, other quote and type override', async () => {
    const p = file('opts.tsv', 'junk line\nanother\n1\t\'a\tb\'\t007\n2\tc\t010\n');
    const { schema, rows } = await readWholeCsv(csvOptions(p, { hasHeader: false, skipRows: 2, delimiter: '\t', quote: "'", fieldTypes: { Field_1: 'int64' } }));
    expect(schema.fields).toEqual([{ name: 'Field_1', type: 'int64' }, { name: 'Field_2', type: 'v_wstring' }, { name: 'Field_3', type: 'v_wstring' }]);
    expect(rows).toEqual([{ Field_1: 1n, Field_2: 'a\tb', Field_3: '007' }, { Field_1: 2n, Field_2: 'c', Field_3: '010' }]);
  });

  it('reads latin1 and utf16le', async () => {
    const latin = await readWholeCsv(csvOptions(file('l1.csv', Buffer.from('n\ncafé\n', 'latin1')), { encoding: 'latin1' }));
    expect(latin.rows).toEqual([{ n: 'café' }]);
    // code page 1252: 0x80 is €, 0x93/0x94 are curly quotes (ISO 8859-1 has control characters there)
    const cp1252 = await readWholeCsv(csvOptions(file('w1252.csv', Buffer.from([0x6e, 0x0a, 0x80, 0x93, 0x78, 0x94, 0xe9, 0x0a])), { encoding: 'windows1252' }));
    expect(cp1252.rows).toEqual([{ n: '€“x”é' }]);
    const u16 = await readWholeCsv(csvOptions(file('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('n,m\nπ,2\n', 'utf16le')])), { encoding: 'utf16le' }));
    expect(u16.rows).toEqual([{ n: 'π', m: 2 }]);
  });

  it('values that do not convert become null and are reported with line and column', async () => {
    const p = file('bad.csv', 'a,b\n1,x\nzz,y\n');
    const { rows, report } = await readWholeCsv(csvOptions(p, { fieldTypes: { a: 'int32' } }));
    expect(rows).toEqual([{ a: 1, b: 'x' }, { a: null, b: 'y' }]);
    expect(report.issueCount).toBe(1);
    expect(report.issues[0]).toMatchObject({ line: 3, column: 1, field: 'a', value: 'zz' });
  });

  it('date-times: T or space, minutes or seconds, out-of-range parts reported, never copied as is', async () => {
    const p = file('dt.csv', 'ts\n2026-11-21T13:05:00\n2026-11-21 13:05:09\n2026-11-21T13:05\n2026-13-01T00:00:00\n2026-01-01T24:00:00\n2026-01-01T10:60:00\n2026-01-01x10:00:00\n2026-01-01\n');
    const { rows, report } = await readWholeCsv(csvOptions(p, { fieldTypes: { ts: 'datetime' } }));
    expect(rows.map((r) => r.ts)).toEqual([
      '2026-11-21 13:05:00', '2026-11-21 13:05:09', '2026-11-21 13:05:00', null, null, null, null, '2026-01-01 00:00:00',
    ]);
    expect(report.issueCount).toBe(4);
    expect(report.issues.map((i) => i.line)).toEqual([5, 6, 7, 8]);
  });

  it('malformed rows are errors naming file, line and column', async () => {
    await expect(readWholeCsv(csvOptions(file('many.csv', 'a,b\n1,2\n3,4,5\n')))).rejects.toThrow('many.csv: line 3, column 3: too many fields');
    await expect(readWholeCsv(csvOptions(file('open.csv', 'a,b\n1,2\n3,"never closed\n\n')))).rejects.toThrow(/open\.csv: line 3, column 2: a quoted field is not closed/);
  });

  it('dictionary-encodes repeated strings and keeps unique ones plain', async () => {
    const lines = ['cat,uid'];
    for (let i = 0; i < 5000; i++) lines.push(`c${i % 7},u${i}`);
    const { batches, rows } = await readWholeCsv(csvOptions(file('dict.csv', lines.join('\n')), { batchRows: 1000 }));
    expect(batches).toHaveLength(5);
    expect(String(batches[0].schema.fields[0].type)).toMatch(/Dictionary/);
    expect(String(batches[4].schema.fields[0].type)).toMatch(/Dictionary/);
    expect(String(batches[0].schema.fields[1].type)).toBe('Utf8');
    expect(String(batches[4].schema.fields[1].type)).toBe('Utf8');
    expect(rows[4321]).toEqual({ cat: 'c2', uid: 'u4321' });
  });
});
