/**
 * A CSV file cut into byte ranges that two threads parse at the same time. Each range starts just
 * after a line feed found near a nominal cut; whether that line feed really ends a row (and is not
 * inside a quoted field) is only known once the range before it is parsed: that range must end
 * exactly there with no row left open. The reader checks this and goes back to parsing alone from
 * the last sure row start when it does not hold, so the result is always the serial parse's.
 *
 * Batches cross threads as plain buffers copied into a few large transferred slabs, plus a tag per
 * column; the receiving side rebuilds the Arrow types from the fields, so no Arrow object is cloned.
 */
import { closeSync, readSync } from 'node:fs';
import { openRegularFileSync } from '../../common/ioRegularFile.js';
import {
  Data, Dictionary, Field as ArrowField, Int32, RecordBatch, Schema, Struct, Utf8, makeData, makeVector, type DataType,
} from 'apache-arrow';
import type { Field } from '../../../shared/sdk/index.js';
import { arrowTypeOf, ayxMetadataOf } from '../../../shared/sdk/arrowTypes.js';
import { CsvBatchParser, CsvFormatError } from './csvBatchParser.js';
import type { ConversionIssue, CsvDialect } from './csvBatchParser.js';
import { addValueChanges, noValueChanges, type ValueChanges } from './csvParserTypes.js';

/** byte offsets where ranges start: `start`, then one just after a line feed near each cut, ending with `end` */
export function chunkBoundaries(path: string, start: number, end: number, chunkBytes: number): number[] {
  const cuts = [start];
  const fd = openRegularFileSync(path, path).fd;
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

/**
 * Reads byte ranges into one buffer that grows to the largest range and is reused: a fresh buffer
 * per range left ~16 MB of dead external memory per range in each parser thread until a GC.
 */
export class RangeReader {
  private buf = Buffer.allocUnsafe(0);

  constructor(private readonly path: string) {}

  /** the range's bytes; valid until the next `read` */
  read(start: number, end: number): Uint8Array {
    if (this.buf.length < end - start) this.buf = Buffer.allocUnsafe(end - start);
    const fd = openRegularFileSync(this.path, this.path).fd;
    try {
      let got = 0;
      while (got < end - start) {
        const n = readSync(fd, this.buf, got, end - start - got, start + got);
        if (n === 0) break;
        got += n;
      }
      return this.buf.subarray(0, got);
    } finally {
      closeSync(fd);
    }
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
  /** reuse the column buffers from batch to batch (see CsvParserOptions) */
  reuseBuilders?: boolean;
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
  /** values changed as read (their lines counted from 1 at the range's first line) */
  changes: ValueChanges;
  /** a malformed row in the range (its line counted from the range's first line) */
  error: { line: number; column: number; message: string } | null;
}

/** how far `parseRangeBatches` got: every figure covers exactly the rows of the batches yielded so far */
export interface RangeProgress {
  /** bytes of the range consumed by those rows (a sure row start) */
  pos: number;
  /** lines they span */
  lines: number;
  counts: Pick<ChunkResult, 'issueCount' | 'issues' | 'shortRows' | 'firstShortLine' | 'changes'>;
  /** set when the range ended: true when it ended exactly at a row end */
  complete: boolean;
  /** a malformed row after the yielded rows (its line counted from the range's first line) */
  error: ChunkResult['error'];
}

export function rangeProgress(): RangeProgress {
  return { pos: 0, lines: 0, counts: { issueCount: 0, issues: [], shortRows: 0, firstShortLine: 0, changes: noValueChanges() }, complete: false, error: null };
}

/**
 * Parses `bytes` (one range) with `parser` (new, or restarted at line 1) and yields each batch as soon as it is full (the range's last one may
 * be shorter), so a range's batches need not all be held at once; `done` follows along.
 */
export function* parseRangeBatches(bytes: Uint8Array, parser: CsvBatchParser, last: boolean, done: RangeProgress): Generator<RecordBatch> {
  let pos = 0;
  const step = (): RecordBatch => {
    const batch = parser.finishBatch();
    done.pos = pos;
    done.lines = parser.line - 1;
    done.counts = counts(parser);
    return batch;
  };
  for (;;) {
    try {
      pos = parser.parse(bytes, pos, bytes.length, last);
    } catch (error) {
      if (!(error instanceof CsvFormatError)) throw error;
      done.error = { line: error.line, column: error.column, message: error.message };
      return;
    }
    if (!parser.full) break;
    yield step();
  }
  if (parser.rows > 0) yield step();
  done.pos = pos;
  done.lines = parser.line - 1;
  done.counts = counts(parser);
  done.complete = pos === bytes.length;
}

/** what a range parsed with `parseRangeBatches` gave, its batches as `batches` */
export function chunkResult<B>(done: RangeProgress, batches: B[]): Omit<ChunkResult, 'batches'> & { batches: B[] } {
  if (done.error) return { ...done.counts, batches: [], complete: false, lines: 0, error: done.error };
  return { ...done.counts, batches, complete: done.complete, lines: done.lines, error: null };
}

/** the parser's counts so far, copied (the parser goes on adding to its own) */
function counts(parser: CsvBatchParser): RangeProgress['counts'] {
  const changes = noValueChanges();
  addValueChanges(changes, parser.changes, 1);
  return { issueCount: parser.issueCount, issues: parser.issues.slice(), shortRows: parser.shortRows, firstShortLine: parser.firstShortLine, changes };
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

type WireView = NonNullable<WireColumn['values']>;

/**
 * glibc serves an allocation this large from its own mapping whatever its dynamic mmap threshold
 * (at most 32 MB), and unmaps it when freed: the pages return to the system at once.
 */
const SLAB_BYTES = 33 * 1024 * 1024;

/**
 * Batches copied into a few large buffers for the trip to the other thread (the parser thread
 * reuses its column buffers, so it allocates next to nothing per batch). Transferring each batch's
 * own column buffers instead left them in the parser thread's malloc arena, which then stayed at
 * ~64 MB resident: the second thread's extra memory. Untouched slab pages are never resident.
 */
export class WireSlabs {
  readonly buffers: ArrayBuffer[] = [];
  private slab = new ArrayBuffer(0);
  private at = 0;

  /** `batch` copied into the slabs (so its own buffers may be reused at once) */
  batch(batch: RecordBatch): WireBatch {
    const columns = batch.data.children.map((d): WireColumn => {
      const dictionary = d.dictionary?.data[0];
      return {
        dict: !!dictionary,
        length: d.length,
        nullCount: d.nullCount,
        valueOffsets: this.copy(d.valueOffsets as Int32Array | undefined),
        values: this.copy(d.values as WireView | undefined),
        nullBitmap: d.nullCount > 0 ? this.copy(d.nullBitmap) : undefined,
        dictionary: dictionary
          ? { length: dictionary.length, valueOffsets: this.copy(dictionary.valueOffsets as Int32Array)!, values: this.copy(dictionary.values as Uint8Array) ?? new Uint8Array(0) }
          : undefined,
      };
    });
    return { length: batch.numRows, columns };
  }

  private copy<T extends WireView>(view: T | undefined): T | undefined {
    if (!view || view.byteLength === 0) return undefined;
    const bytes = view.byteLength;
    if (this.at + bytes > this.slab.byteLength) {
      this.slab = new ArrayBuffer(Math.max(SLAB_BYTES, bytes));
      this.buffers.push(this.slab);
      this.at = 0;
    }
    new Uint8Array(this.slab, this.at, bytes).set(new Uint8Array(view.buffer, view.byteOffset, bytes));
    const Kind = view.constructor as new (buffer: ArrayBuffer, byteOffset: number, length: number) => T;
    const copy = new Kind(this.slab, this.at, view.length);
    this.at += (bytes + 7) & ~7;
    return copy;
  }
}

/** rebuilds a batch sent by `WireSlabs`, with the fields' Arrow types and `ayx.*` metadata */
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
