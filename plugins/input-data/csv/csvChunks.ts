/**
 * A CSV file cut into byte ranges that two threads parse at the same time. Each range starts just
 * after a line feed found near a nominal cut; whether that line feed really ends a row (and is not
 * inside a quoted field) is only known once the range before it is parsed: that range must end
 * exactly there with no row left open. The reader checks this and goes back to parsing alone from
 * the last sure row start when it does not hold, so the result is always the serial parse's.
 *
 * Batches cross threads as their raw buffers (transferred) plus a tag per column; the receiving
 * side rebuilds the Arrow types from the fields, so no Arrow object is cloned.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import {
  Data, Dictionary, Field as ArrowField, Int32, RecordBatch, Schema, Struct, Utf8, makeData, makeVector, type DataType,
} from 'apache-arrow';
import type { Field } from '../../../shared/sdk/index.js';
import { arrowTypeOf, ayxMetadataOf } from '../../common/ioArrowTypes.js';
import { CsvBatchParser, CsvFormatError } from './csvBatchParser.js';
import type { ConversionIssue, CsvDialect } from './csvBatchParser.js';

/** byte offsets where ranges start: `start`, then one just after a line feed near each cut, ending with `end` */
export function chunkBoundaries(path: string, start: number, end: number, chunkBytes: number): number[] {
  const cuts = [start];
  const fd = openSync(path, 'r');
  try {
    const window = Buffer.allocUnsafe(64 * 1024);
    for (let nominal = start + chunkBytes; nominal < end - chunkBytes / 4; nominal += chunkBytes) {
      if (nominal <= cuts[cuts.length - 1]) continue;
      const n = readSync(fd, window, 0, window.length, nominal);
      const lf = window.subarray(0, n).indexOf(10);
      if (lf < 0) continue; // no line end near: this range simply grows
      const cut = nominal + lf + 1;
      if (cut < end) cuts.push(cut);
    }
  } finally {
    closeSync(fd);
  }
  cuts.push(end);
  return cuts;
}

export function readRange(path: string, start: number, end: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.allocUnsafe(end - start);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, start + got);
      if (n === 0) break;
      got += n;
    }
    return bytes.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

export interface ChunkParserOptions {
  file: string;
  fields: Field[];
  dialect: CsvDialect;
  batchRows: number;
  dictionaryStrings: boolean;
  /** per field: dictionary-encode (decided once from the sample, so every range's packets agree) */
  fixedDictionary?: boolean[];
}

/** the parser's first-packet rule applied to the sample: strings that repeat stay dictionary-encoded */
export function dictionaryFromSample(records: readonly (readonly (string | null)[])[], fieldCount: number): boolean[] {
  return Array.from({ length: fieldCount }, (_, c) => {
    const distinct = new Set<string | null>();
    for (const r of records) distinct.add(r[c] ?? null);
    return distinct.size <= Math.max(64, records.length / 4);
  });
}

/** what parsing one range gave */
export interface ChunkResult {
  batches: RecordBatch[];
  /** true when the range ended exactly at a row end (its end cut is a sure row start) */
  complete: boolean;
  /** lines the range spans (for the line numbers of later ranges) */
  lines: number;
  issueCount: number;
  /** line numbers counted from 1 at the range's first line */
  issues: ConversionIssue[];
  shortRows: number;
  firstShortLine: number;
  /** a malformed row in the range (its line counted from the range's first line) */
  error: { line: number; column: number; message: string } | null;
}

/** parses `bytes` (one range) into batches; `last` when the range ends the file */
export function parseChunk(bytes: Uint8Array, options: ChunkParserOptions, last: boolean, dictionaryTypes?: Dictionary<Utf8, Int32>[]): ChunkResult {
  const parser = new CsvBatchParser({ ...options, firstLine: 1, dictionaryTypes });
  const batches: RecordBatch[] = [];
  let pos = 0;
  try {
    for (;;) {
      pos = parser.parse(bytes, pos, bytes.length, last);
      if (!parser.full) break;
      batches.push(parser.finishBatch());
    }
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    return { ...counts(parser), batches: [], complete: false, lines: 0, error: { line: error.line, column: error.column, message: error.message } };
  }
  if (parser.rows > 0) batches.push(parser.finishBatch());
  return { ...counts(parser), batches, complete: pos === bytes.length, lines: parser.line - 1, error: null };
}

function counts(parser: CsvBatchParser) {
  return { issueCount: parser.issueCount, issues: parser.issues, shortRows: parser.shortRows, firstShortLine: parser.firstShortLine };
}

interface WireColumn {
  dict: boolean;
  length: number;
  nullCount: number;
  valueOffsets?: Int32Array;
  values?: Uint8Array | Int16Array | Int32Array | BigInt64Array | Float32Array | Float64Array;
  nullBitmap?: Uint8Array;
  dictionary?: { length: number; valueOffsets: Int32Array; values: Uint8Array };
}

export type WireBatch = { length: number; columns: WireColumn[] };

/** a parser batch as plain buffers; every buffer goes into `transfer` */
export function batchToWire(batch: RecordBatch, transfer: Set<ArrayBuffer>): WireBatch {
  const own = <T extends ArrayBufferView>(view: T | undefined): T | undefined => {
    if (!view || view.byteLength === 0) return undefined;
    // views into one shared builder buffer are copied, so a transfer never takes memory twice
    const mine = transfer.has(view.buffer as ArrayBuffer) ? (view as unknown as { slice(): T }).slice() : view;
    transfer.add(mine.buffer as ArrayBuffer);
    return mine;
  };
  const columns = batch.data.children.map((d): WireColumn => {
    const dictionary = d.dictionary?.data[0];
    return {
      dict: !!dictionary,
      length: d.length,
      nullCount: d.nullCount,
      valueOffsets: own(d.valueOffsets as Int32Array | undefined),
      values: own(d.values as WireColumn['values']),
      nullBitmap: d.nullCount > 0 ? own(d.nullBitmap) : undefined,
      dictionary: dictionary
        ? { length: dictionary.length, valueOffsets: own(dictionary.valueOffsets as Int32Array)!, values: own(dictionary.values as Uint8Array) ?? new Uint8Array(0) }
        : undefined,
    };
  });
  return { length: batch.numRows, columns };
}

/** rebuilds a batch sent by `batchToWire`, with the fields' Arrow types and `ayx.*` metadata */
export function batchFromWire(wire: WireBatch, fields: Field[], dictionaryTypes: Dictionary<Utf8, Int32>[]): RecordBatch {
  const arrowFields: ArrowField[] = [];
  const children = wire.columns.map((c, i) => {
    let data: Data;
    if (c.dict) {
      const d = c.dictionary!;
      const dictionary = makeVector(makeData({ type: new Utf8(), length: d.length, valueOffsets: d.valueOffsets, data: d.values }));
      data = makeData({ type: dictionaryTypes[i], length: c.length, nullCount: c.nullCount, nullBitmap: c.nullBitmap, data: c.values as Int32Array, dictionary });
    } else {
      const type: DataType = arrowTypeOf(fields[i].type);
      data = new Data(type, 0, c.length, c.nullCount, [c.valueOffsets, c.values ?? new Uint8Array(0), c.nullBitmap]);
    }
    arrowFields.push(new ArrowField(fields[i].name, data.type, true, ayxMetadataOf(fields[i])));
    return data;
  });
  return new RecordBatch(new Schema(arrowFields), makeData({ type: new Struct(arrowFields), length: wire.length, nullCount: 0, children }));
}

export function dictionaryTypesOf(fields: Field[]): Dictionary<Utf8, Int32>[] {
  return fields.map(() => new Dictionary(new Utf8(), new Int32()));
}
