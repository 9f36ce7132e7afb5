/**
 * Reads a CSV/TSV file: `readCsvSchema` samples the head for names and types (cheap: used in
 * update-only), `readCsvBatches` streams the whole file in chunks into Arrow record batches.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { RecordBatch } from 'apache-arrow';
import type { Field } from '../../../shared/sdk/index.js';
import type { FieldType } from '../../../shared/metadata.js';
import { TypeDetector } from '../../common/ioTypeDetection.js';
import { CsvBatchParser, CsvFormatError } from './csvBatchParser.js';
import type { ConversionIssue, CsvDialect } from './csvBatchParser.js';
import { fieldNames, sampleCsv } from './csvSample.js';
import type { CsvSample } from './csvSample.js';

export type CsvEncoding = 'utf8' | 'latin1' | 'utf16le';

export interface CsvOptions {
  path: string;
  /** the file as named in messages */
  file: string;
  delimiter: string;
  quote: string;
  hasHeader: boolean;
  encoding: CsvEncoding;
  skipRows: number;
  /** user's type per field name, over the detected ones */
  fieldTypes: Record<string, FieldType>;
  batchRows?: number;
  sampleBytes?: number;
  chunkBytes?: number;
  dictionaryStrings?: boolean;
}

export interface CsvSchema {
  fields: Field[];
  sample: CsvSample;
}

/** transcodes latin1 / UTF-16LE chunks to UTF-8 bytes (UTF-8 passes through) */
export class Utf8Transcoder {
  private readonly encoding: CsvEncoding;
  private readonly decoder: TextDecoder | null;

  constructor(encoding: CsvEncoding) {
    this.encoding = encoding;
    this.decoder = encoding === 'utf16le' ? new TextDecoder('utf-16le') : null;
  }

  push(chunk: Uint8Array, last: boolean): Uint8Array {
    if (this.encoding === 'utf8') return chunk;
    if (this.encoding === 'latin1') {
      let high = false;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] >= 0x80) { high = true; break; }
      return high ? Buffer.from(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1'), 'utf8') : chunk;
    }
    return Buffer.from(this.decoder!.decode(chunk, { stream: !last }), 'utf8');
  }
}

export function csvDialect(options: Pick<CsvOptions, 'delimiter' | 'quote' | 'file'>): CsvDialect {
  const delimiter = options.delimiter === '\\t' || options.delimiter.toLowerCase() === 'tab' ? '\t' : options.delimiter;
  if (Buffer.byteLength(delimiter) !== 1) throw new Error(`${options.file}: the delimiter must be one ASCII character, not "${options.delimiter}"`);
  if (options.quote.length > 1 || Buffer.byteLength(options.quote) > 1) throw new Error(`${options.file}: the quote must be one ASCII character or empty`);
  const quote = options.quote === '' ? -1 : options.quote.charCodeAt(0);
  if (quote === delimiter.charCodeAt(0)) throw new Error(`${options.file}: the delimiter and the quote must differ`);
  return { delimiter: delimiter.charCodeAt(0), quote };
}

/** the file's first `bytes` bytes, read synchronously (update-only runs in the constructor) */
export function readHeadSync(path: string, bytes: number): { head: Uint8Array; eof: boolean } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const want = Math.min(size, bytes);
    const head = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const n = readSync(fd, head, got, want - got, got);
      if (n === 0) break;
      got += n;
    }
    return { head: head.subarray(0, got), eof: got >= size };
  } finally {
    closeSync(fd);
  }
}

/** names and types from the file's head; the user's `fieldTypes` win over detected types */
export function readCsvSchema(options: CsvOptions): CsvSchema {
  const dialect = csvDialect(options);
  const { head: raw, eof } = readHeadSync(options.path, options.sampleBytes ?? 512 * 1024);
  // A cut multi-byte character at the end of the head is left to the decoder's stream state.
  const head = new Utf8Transcoder(options.encoding).push(raw, eof);
  const sample = sampleCsv(head, eof, {
    file: options.file, dialect, hasHeader: options.hasHeader, skipRows: options.skipRows, maxRecords: 20000,
  });
  const count = sample.header && sample.header.length > 0
    ? sample.header.length
    : Math.max(0, ...sample.records.slice(0, 100).map((r) => r.length));
  const names = fieldNames(sample.header, count);
  const fields = names.map((name, c): Field => {
    const override = options.fieldTypes[name];
    if (override) return { name, type: override };
    const detector = new TypeDetector();
    for (const record of sample.records) detector.addText(record[c]);
    return { name, type: detector.type() };
  });
  return { fields, sample };
}

export interface CsvProgress {
  bytesRead: number;
  size: number;
}

/** the parser's conversion problems so far, for messages */
export interface CsvReadReport {
  issueCount: number;
  issues: ConversionIssue[];
  shortRows: number;
  firstShortLine: number;
}

/**
 * Streams the file's rows as record batches of `batchRows` (the last may be shorter). `report`
 * is filled as it goes; `progress` is called after each chunk.
 */
export async function* readCsvBatches(
  options: CsvOptions, schema: CsvSchema, report: CsvReadReport, progress?: (p: CsvProgress) => void,
): AsyncGenerator<RecordBatch> {
  const dialect = csvDialect(options);
  if (schema.fields.length === 0) return;
  const parser = new CsvBatchParser({
    file: options.file,
    fields: schema.fields,
    dialect,
    batchRows: options.batchRows ?? 65536,
    dictionaryStrings: options.dictionaryStrings ?? true,
    firstLine: schema.sample.firstLine,
  });
  const transcoder = new Utf8Transcoder(options.encoding);
  const chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  const fh = await open(options.path, 'r');
  try {
    const size = (await fh.stat()).size;
    let toSkip = schema.sample.dataOffset;
    let carry: Uint8Array = new Uint8Array(0);
    let bytesRead = 0;
    let eof = false;
    while (!eof) {
      const raw = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead: n } = await fh.read(raw, 0, chunkBytes, bytesRead);
      bytesRead += n;
      eof = n === 0 || bytesRead >= size;
      let fresh = transcoder.push(raw.subarray(0, n), eof);
      if (toSkip > 0) {
        const skip = Math.min(toSkip, fresh.length);
        fresh = fresh.subarray(skip);
        toSkip -= skip;
      }
      let data: Uint8Array;
      if (carry.length === 0) data = fresh;
      else {
        data = Buffer.allocUnsafe(carry.length + fresh.length);
        data.set(carry, 0);
        data.set(fresh, carry.length);
      }
      let pos = 0;
      for (;;) {
        pos = parser.parse(data, pos, data.length, eof);
        if (parser.full) {
          copyReport(parser, report);
          yield parser.finishBatch();
          continue;
        }
        break;
      }
      // The unparsed tail is copied so the chunk buffer it came from can be dropped.
      carry = data.length - pos > 0 ? Uint8Array.prototype.slice.call(data, pos) : new Uint8Array(0);
      if (eof && carry.length > 0) throw new CsvFormatError(options.file, parser.line, 1, 'the last row could not be read');
      progress?.({ bytesRead, size });
    }
    copyReport(parser, report);
    if (parser.rows > 0) yield parser.finishBatch();
  } finally {
    await fh.close();
  }
}

function copyReport(parser: CsvBatchParser, report: CsvReadReport): void {
  report.issueCount = parser.issueCount;
  report.issues = parser.issues;
  report.shortRows = parser.shortRows;
  report.firstShortLine = parser.firstShortLine;
}
