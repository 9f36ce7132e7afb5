/**
 * The head of a CSV file read the slow, simple way: the preamble (BOM, skipped lines, header row)
 * and up to a few thousand records as strings, for field names and type detection. Its byte
 * offsets are what the streaming parser skips.
 */
import type { CsvDialect } from './csvBatchParser.js';
import { CsvFormatError } from './csvBatchParser.js';

export interface CsvSample {
  /** the header's names, or null when the file has no header row */
  header: string[] | null;
  /** sampled data records; `null` for an unquoted empty field */
  records: (string | null)[][];
  /** byte offset (in the UTF-8 stream) where the data rows start */
  dataOffset: number;
  /** 1-based line number of the first data row */
  firstLine: number;
  /** byte offset just after the last sampled record (with `dataOffset`: the bytes per row) */
  sampleEnd: number;
}

const decoder = new TextDecoder('utf-8');

interface Tokenized {
  fields: (string | null)[];
  next: number;
  lines: number;
}

/** one record from `pos`, or null when `buf` ends inside it and `eof` is false */
function readRecord(buf: Uint8Array, pos: number, eof: boolean, dialect: CsvDialect, file: string, line: number): Tokenized | null {
  const end = buf.length;
  const fields: (string | null)[] = [];
  let lines = 0;
  for (;;) {
    if (pos < end && buf[pos] === dialect.quote) {
      const parts: Uint8Array[] = [];
      let start = ++pos;
      for (;;) {
        if (pos >= end) {
          if (!eof) return null;
          throw new CsvFormatError(file, line, fields.length + 1, 'a quoted field is not closed before the end of the file');
        }
        if (buf[pos] === dialect.quote) {
          if (pos + 1 < end && buf[pos + 1] === dialect.quote) {
            parts.push(buf.subarray(start, pos + 1));
            pos += 2;
            start = pos;
            continue;
          }
          if (pos + 1 >= end && !eof) return null;
          break;
        }
        if (buf[pos] === 10) lines++;
        pos++;
      }
      parts.push(buf.subarray(start, pos));
      pos++;
      fields.push(parts.map((p) => decoder.decode(p)).join(''));
      if (pos < end && buf[pos] !== dialect.delimiter && buf[pos] !== 10 && buf[pos] !== 13) {
        throw new CsvFormatError(file, line + lines, fields.length, `unexpected character "${String.fromCharCode(buf[pos])}" after a closing quote`);
      }
    } else {
      const start = pos;
      while (pos < end && buf[pos] !== dialect.delimiter && buf[pos] !== 10 && buf[pos] !== 13) pos++;
      if (pos >= end && !eof) return null;
      fields.push(pos === start ? null : decoder.decode(buf.subarray(start, pos)));
    }
    if (pos >= end) return { fields, next: pos, lines };
    if (buf[pos] === dialect.delimiter) { pos++; continue; }
    if (buf[pos] === 13) {
      if (pos + 1 >= end && !eof) return null;
      if (buf[pos + 1] === 10) pos++;
    }
    return { fields, next: pos + 1, lines: lines + 1 };
  }
}

/** skips one physical line from `pos`; -1 when the line is not complete in `buf` */
function skipLine(buf: Uint8Array, pos: number, eof: boolean): number {
  while (pos < buf.length && buf[pos] !== 10 && buf[pos] !== 13) pos++;
  if (pos >= buf.length) return eof ? pos : -1;
  if (buf[pos] === 13) {
    if (pos + 1 >= buf.length && !eof) return -1;
    if (buf[pos + 1] === 10) pos++;
  }
  return pos + 1;
}

export interface SampleOptions {
  file: string;
  dialect: CsvDialect;
  hasHeader: boolean;
  skipRows: number;
  maxRecords: number;
}

/**
 * Reads the preamble and sample records from `head` (UTF-8 bytes of the file's start; `eof` when
 * it is the whole file).
 */
export function sampleCsv(head: Uint8Array, eof: boolean, options: SampleOptions): CsvSample {
  let pos = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  let line = 1;
  for (let i = 0; i < options.skipRows; i++) {
    const next = skipLine(head, pos, eof);
    if (next < 0) throw new CsvFormatError(options.file, line, 1, `the first ${options.skipRows} lines to skip do not fit in the sample`);
    if (next === pos) break;
    pos = next;
    line++;
  }
  let header: string[] | null = null;
  const isBlank = (p: number) => head[p] === 10 || head[p] === 13;
  if (options.hasHeader) {
    while (pos < head.length && isBlank(pos)) { pos = skipLine(head, pos, true); line++; }
    const record = pos < head.length ? readRecord(head, pos, eof, options.dialect, options.file, line) : null;
    if (record) {
      header = record.fields.map((f) => f ?? '');
      pos = record.next;
      line += record.lines;
    } else if (!eof) {
      throw new CsvFormatError(options.file, line, 1, 'the header row does not fit in the sample');
    } else header = [];
  }
  const dataOffset = pos;
  const firstLine = line;
  const records: (string | null)[][] = [];
  while (records.length < options.maxRecords && pos < head.length) {
    if (isBlank(pos)) {
      const next = skipLine(head, pos, eof);
      if (next < 0) break;
      pos = next;
      line++;
      continue;
    }
    const record = readRecord(head, pos, eof, options.dialect, options.file, line);
    if (!record) break;
    records.push(record.fields);
    pos = record.next;
    line += record.lines;
  }
  return { header, records, dataOffset, firstLine, sampleEnd: pos };
}

/** field names from a header: blanks become `Field_N`, case-insensitive duplicates get `_2`, `_3`… */
export function fieldNames(header: string[] | null, count: number): string[] {
  const names: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    const base = header && header[i] !== undefined && header[i].trim() !== '' ? header[i].trim() : `Field_${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}
