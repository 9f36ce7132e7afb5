/**
 * Reads a CSV/TSV file: `readCsvSchema` samples the head for names and types (cheap: used in
 * update-only), `readCsvBatches` streams the whole file in chunks into Arrow record batches.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Dictionary, Int32, RecordBatch, Utf8 } from 'apache-arrow';
import type { Field } from '../../../shared/sdk/index.js';
import type { FieldType } from '../../../shared/metadata.js';
import { TypeDetector } from '../../common/ioTypeDetection.js';
import { CsvBatchParser, CsvFormatError } from './csvBatchParser.js';
import type { ConversionIssue, CsvDialect } from './csvBatchParser.js';
import { batchFromWire, chunkBoundaries, dictionaryFromSample, dictionaryTypesOf, parseChunk, readRange } from './csvChunks.js';
import type { ChunkParserOptions, ChunkResult } from './csvChunks.js';
import type { ParseReply, ParseRequest } from './csvParseWorker.js';
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
  /**
   * parse a large UTF-8 file in two threads. Default: only with 4 or more cores, since on 2 cores
   * the downstream tools already use the second core (measured: no gain, +130 MB RSS)
   */
  parallel?: boolean;
  /** bytes per range of the two-thread parse (default: about four packets) */
  rangeBytes?: number;
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
    if (at.offset >= size) return;
  }
  yield* readSerial(options, parserOptions, at, report, progress);
}

/** ranges of about four packets each, judged from the sample's bytes per row (at least 1 MB) */
function defaultRangeBytes(sample: CsvSample, batchRows: number): number {
  const perRow = sample.records.length > 0 ? (sample.sampleEnd - sample.dataOffset) / sample.records.length : 64;
  return Math.max(1 << 20, Math.round(perRow * batchRows * 4));
}

/** the compiled worker beside this module (under vitest this module runs from its .ts source) */
function parseWorkerPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return here.replace(/csvReader\.js$/, 'csvParseWorker.js');
  return here.replace(/([\\/])plugins([\\/])/, '$1dist$1plugins$2').replace(/csvReader\.ts$/, 'csvParseWorker.js');
}

function addCounts(report: CsvReadReport, counts: Pick<ChunkResult, 'issueCount' | 'issues' | 'shortRows' | 'firstShortLine'>, line: number): void {
  report.issueCount += counts.issueCount;
  for (const issue of counts.issues) if (report.issues.length < 10) report.issues.push({ ...issue, line: issue.line + line - 1 });
  if (counts.shortRows > 0 && report.shortRows === 0) report.firstShortLine = counts.firstShortLine + line - 1;
  report.shortRows += counts.shortRows;
}

/**
 * The even ranges parsed here, the odd ones in a worker one range ahead. Stops at the first range
 * that does not end exactly at its cut, or has a malformed row, leaving `at` at that range's start
 * (a sure row start) for the serial parser, which then gives the exact result or error.
 */
async function* readParallel(
  options: CsvOptions, parserOptions: ChunkParserOptions, dictionaryTypes: Dictionary<Utf8, Int32>[], size: number, rangeBytes: number,
  at: { offset: number; line: number }, report: CsvReadReport, progress?: (p: CsvProgress) => void,
): AsyncGenerator<RecordBatch> {
  const cuts = chunkBoundaries(options.path, at.offset, size, rangeBytes);
  const ranges = cuts.length - 1;
  if (ranges < 2) return;
  const worker = new Worker(parseWorkerPath(), { workerData: { path: options.path, options: parserOptions } });
  const waiting = new Map<number, (reply: ParseReply) => void>();
  const failAll = (message: string) => {
    for (const [id, resolve] of waiting) resolve({ id, failure: message });
    waiting.clear();
  };
  worker.on('message', (reply: ParseReply) => { waiting.get(reply.id)?.(reply); waiting.delete(reply.id); });
  worker.on('error', (error) => failAll(error.message));
  worker.on('exit', () => failAll('the parser thread stopped'));
  const request = (i: number) => new Promise<ParseReply>((resolve) => {
    waiting.set(i, resolve);
    worker.postMessage({ id: i, start: cuts[i], end: cuts[i + 1], last: i === ranges - 1 } satisfies ParseRequest);
  });
  try {
    let ahead = request(1);
    for (let i = 0; i < ranges; i++) {
      const last = i === ranges - 1;
      let result: ChunkResult;
      if (i % 2 === 0) {
        result = parseChunk(readRange(options.path, cuts[i], cuts[i + 1]), parserOptions, last, dictionaryTypes);
      } else {
        const reply = await ahead;
        if (i + 2 < ranges) ahead = request(i + 2);
        if ('failure' in reply) return;
        result = { ...reply.result, batches: reply.result.batches.map((b) => batchFromWire(b, parserOptions.fields, dictionaryTypes)) };
      }
      if (result.error || (!result.complete && !last)) return;
      addCounts(report, result, at.line);
      at.offset = cuts[i + 1];
      at.line += result.lines;
      for (const batch of result.batches) yield batch;
      progress?.({ bytesRead: cuts[i + 1], size });
    }
  } finally {
    void worker.terminate();
  }
}

/** parses from `at` to the end of the file, one read chunk after another */
async function* readSerial(
  options: CsvOptions, parserOptions: ChunkParserOptions, at: { offset: number; line: number },
  report: CsvReadReport, progress?: (p: CsvProgress) => void, dictionaryTypes?: Dictionary<Utf8, Int32>[],
): AsyncGenerator<RecordBatch> {
  const parser = new CsvBatchParser({ ...parserOptions, firstLine: at.line, dictionaryTypes });
  const base: CsvReadReport = { ...report, issues: [...report.issues] };
  const update = () => {
    Object.assign(report, { ...base, issues: [...base.issues] });
    addCounts(report, parser, 1);
  };
  const transcoder = new Utf8Transcoder(options.encoding);
  const chunkBytes = options.chunkBytes ?? 4 * 1024 * 1024;
  const fh = await open(options.path, 'r');
  try {
    const size = (await fh.stat()).size;
    // the parallel reader hands over at a byte offset of the file, which is UTF-8 then
    let bytesRead = options.encoding === 'utf8' ? at.offset : 0;
    let toSkip = options.encoding === 'utf8' ? 0 : at.offset;
    // One buffer for the whole file: the unparsed tail of a chunk (a row cut by its end) moves to
    // the front and the next read goes after it. Allocating a chunk per read made the external
    // memory churn that set off most of the parse thread's garbage collections.
    let buf = Buffer.allocUnsafe(chunkBytes);
    const raw = options.encoding === 'utf8' ? null : Buffer.allocUnsafe(chunkBytes);
    let len = 0;
    let pos = 0;
    let eof = false;
    const room = (bytes: number) => {
      if (len + bytes <= buf.length) return;
      let grown = buf.length * 2;
      while (grown < len + bytes) grown *= 2;
      const bigger = Buffer.allocUnsafe(grown);
      bigger.set(buf.subarray(0, len));
      buf = bigger;
    };
    while (!eof) {
      if (pos > 0) {
        buf.copyWithin(0, pos, len);
        len -= pos;
        pos = 0;
      }
      if (raw === null) {
        room(Math.max(1, Math.min(chunkBytes >> 1, size - bytesRead)));
        const { bytesRead: n } = await fh.read(buf, len, buf.length - len, bytesRead);
        bytesRead += n;
        len += n;
        eof = n === 0 || bytesRead >= size;
      } else {
        const { bytesRead: n } = await fh.read(raw, 0, chunkBytes, bytesRead);
        bytesRead += n;
        eof = n === 0 || bytesRead >= size;
        let fresh = transcoder.push(raw.subarray(0, n), eof);
        if (toSkip > 0) {
          const skip = Math.min(toSkip, fresh.length);
          fresh = fresh.subarray(skip);
          toSkip -= skip;
        }
        room(fresh.length);
        buf.set(fresh, len);
        len += fresh.length;
      }
      for (;;) {
        pos = parser.parse(buf, pos, len, eof);
        if (parser.full) {
          update();
          yield parser.finishBatch();
          continue;
        }
        break;
      }
      if (eof && len - pos > 0) throw new CsvFormatError(options.file, parser.line, 1, 'the last row could not be read');
      progress?.({ bytesRead, size });
    }
    update();
    if (parser.rows > 0) yield parser.finishBatch();
  } finally {
    await fh.close();
  }
}
