/**
 * Reads a CSV/TSV file: `readCsvSchema` samples the head for names and types (cheap: used in
 * update-only), `readCsvBatches` streams the whole file in chunks into Arrow record batches.
 */
import { closeSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { RecordBatch } from 'apache-arrow';
import { ownValue } from '../../../shared/ownValue.js';
import type { Field } from '../../../shared/sdk/index.js';
import { openRegularFileSync } from '../../common/ioRegularFile.js';
import { TypeDetector } from '../../common/ioTypeDetection.js';
import type { CsvDialect } from './csvBatchParser.js';
import { dictionaryFromSample, dictionaryTypesOf } from './csvChunks.js';
import type { ChunkParserOptions } from './csvChunks.js';
import { readParallel } from './csvParallelRead.js';
import type { CsvOptions, CsvSchema } from './csvReadOptions.js';
import type { CsvProgress, CsvReadReport } from './csvReadReport.js';
import { fieldNames, sampleCsv } from './csvSample.js';
import type { CsvSample } from './csvSample.js';
import { readSerial } from './csvSerialRead.js';
import { Utf8Transcoder } from './utf8Transcoder.js';

export type { CsvEncoding, CsvOptions, CsvSchema } from './csvReadOptions.js';
export type { CsvProgress, CsvReadReport } from './csvReadReport.js';
export { emptyCsvReport } from './csvReadReport.js';
export { Utf8Transcoder } from './utf8Transcoder.js';

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
  const { fd, size } = openRegularFileSync(path, path);
  try {
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
    const override = ownValue(options.fieldTypes, name);
    if (override) return { name, type: override };
    const detector = new TypeDetector();
    for (const record of sample.records) detector.addText(record[c]);
    return { name, type: detector.type() };
  });
  return { fields, sample };
}

/**
 * Streams the file's rows as record batches of `batchRows` (the last of each parsed range may be
 * shorter). `report` is filled as it goes; `progress` is called after each chunk. A large UTF-8
 * file is parsed by two threads at once (csvChunks.ts); the batches are the same either way.
 */
export async function* readCsvBatches(
  options: CsvOptions, schema: CsvSchema, report: CsvReadReport, progress?: (p: CsvProgress) => void,
): AsyncGenerator<RecordBatch> {
  const dialect = csvDialect(options);
  if (schema.fields.length === 0) return;
  const batchRows = options.batchRows ?? 65536;
  const parserOptions: ChunkParserOptions = {
    file: options.file, fields: schema.fields, dialect, batchRows, dictionaryStrings: options.dictionaryStrings ?? true,
  };
  const size = statSync(options.path).size;
  const start = schema.sample.dataOffset;
  const rangeBytes = options.rangeBytes ?? defaultRangeBytes(schema.sample, batchRows);
  const at = { offset: start, line: schema.sample.firstLine };
  const parallel = options.parallel ?? availableParallelism() >= 4;
  if (options.encoding === 'utf8' && parallel && size - start >= 2 * rangeBytes) {
    const fixed = { ...parserOptions, fixedDictionary: dictionaryFromSample(schema.sample.records, schema.fields.length) };
    const dictionaryTypes = dictionaryTypesOf(schema.fields);
    yield* readParallel(options, fixed, dictionaryTypes, size, rangeBytes, at, report, progress);
    if (at.offset >= size) return;
    yield* readSerial(options, fixed, at, report, progress, dictionaryTypes);
    return;
  }
  yield* readSerial(options, parserOptions, at, report, progress);
}

/** ranges of about four packets each, judged from the sample's bytes per row (at least 1 MB) */
function defaultRangeBytes(sample: CsvSample, batchRows: number): number {
  const perRow = sample.records.length > 0 ? (sample.sampleEnd - sample.dataOffset) / sample.records.length : 64;
  return Math.max(1 << 20, Math.round(perRow * batchRows * 4));
}

