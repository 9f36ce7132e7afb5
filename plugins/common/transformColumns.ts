/**
 * Column access for the transform tools: reads the Arrow table behind a record packet into plain
 * JavaScript columns (typed arrays when a numeric column has no nulls, else value arrays with
 * `null`), and finds fields by name the way the SDK defines names (unique case-insensitively).
 */
import { makeVector, Type, type Data, type Table, type Vector } from 'apache-arrow';
import type { Field, Metadata, RecordPacket, RecordValue } from '../../shared/sdk/index.js';
import { dataRecord } from '../../shared/ownValue.js';

export type NumericArray = Float64Array | Float32Array | Int32Array | Int16Array | Uint8Array | BigInt64Array;
/** one column of values: a typed array (no nulls) or values with `null` */
export type ColumnValues = NumericArray | RecordValue[];

export function tableOf(packet: RecordPacket): Table {
  return packet.table as Table;
}

/** the field named `name`: an exact match first, else the one match ignoring case */
export function findField(metadata: Metadata, name: string): Field | undefined {
  const exact = metadata.fields.find((f) => f.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return metadata.fields.find((f) => f.name.toLowerCase() === lower);
}

/** names in `wanted` that `metadata` lacks (by findField); [] when all are there */
export function missingFields(metadata: Metadata, wanted: readonly string[]): string[] {
  return wanted.filter((name) => !findField(metadata, name));
}

/**
 * The values of a fixed-width chunk without nulls, exactly `data.length` of them. Arrow JS slices a
 * chunk's values along with it, but a builder's buffer is padded past the last row (vectorFromArray
 * gives 8 slots for 2 int64 rows): the array must be cut to the row count, never taken whole.
 */
function typedValues(data: Data): NumericArray | null {
  const values = (data as { values?: unknown }).values;
  if (data.nullCount !== 0 || data.dictionary) return null;
  let typed: NumericArray | null = null;
  if (values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array
    || values instanceof Int16Array || values instanceof BigInt64Array) typed = values;
  // Uint8 data is also the storage of Bool (bit-packed) and Utf8 bytes: only take it for Uint8 types.
  else if (values instanceof Uint8Array && String(data.type) === 'Uint8') typed = values;
  if (typed === null) return null;
  if (typed.length < data.length) throw new Error(`an Arrow ${String(data.type)} chunk holds ${typed.length} values for ${data.length} rows`);
  return typed.length === data.length ? typed : typed.subarray(0, data.length);
}

/** the chunk of `table`'s column `name` */
export function columnVector(table: Table, name: string): Vector {
  const vector = table.getChild(name);
  if (vector) return vector;
  const lower = name.toLowerCase();
  const field = table.schema.fields.find((f) => f.name.toLowerCase() === lower);
  const byCase = field ? table.getChild(field.name) : null;
  if (!byCase) throw new Error(`no column "${name}" in the packet`);
  return byCase;
}

/**
 * All values of a column. A numeric column without nulls comes back as a typed array (no copy when
 * the table has one chunk); anything else as an array of values with `null` for a missing value.
 */
export function readColumn(table: Table, name: string): ColumnValues {
  const vector = columnVector(table, name);
  const chunks = vector.data;
  const typed = chunks.map(typedValues);
  if (chunks.length > 0 && typed.every((t) => t !== null)) {
    const first = typed[0] as NumericArray;
    if (typed.length === 1) return first;
    const Ctor = first.constructor as new (length: number) => NumericArray;
    const out = new Ctor(vector.length);
    let at = 0;
    for (const t of typed as NumericArray[]) {
      (out as unknown as { set(src: ArrayLike<number | bigint>, at: number): void }).set(t, at);
      at += t.length;
    }
    return out;
  }
  const out: RecordValue[] = new Array(vector.length);
  let i = 0;
  for (const data of chunks) i = readChunkInto(data, out, i);
  return out;
}

/** decoded dictionaries, so a dictionary shared by many packets is decoded once */
const decodedDictionaries = new WeakMap<object, RecordValue[]>();

function dictionaryValues(dictionary: Vector): RecordValue[] {
  let values = decodedDictionaries.get(dictionary);
  if (!values || values.length !== dictionary.length) {
    values = new Array(dictionary.length);
    let i = 0;
    for (const data of dictionary.data) i = readChunkInto(data, values, i);
    decodedDictionaries.set(dictionary, values);
  }
  return values;
}

const FIXED_WIDTH = new Set<Type>([Type.Int, Type.Float]);

/** writes the values of one Arrow chunk into `out` from `at`; returns the next position */
function readChunkInto(data: Data, out: RecordValue[], at: number): number {
  const n = data.length;
  const hasNulls = data.nullCount > 0;
  if (data.dictionary) {
    const values = dictionaryValues(data.dictionary);
    const indices = data.values as ArrayLike<number>;
    for (let j = 0; j < n; j++) out[at + j] = hasNulls && !data.getValid(j) ? null : values[indices[j]];
    return at + n;
  }
  const strings = readUtf8Chunk(data);
  if (strings) {
    for (let j = 0; j < n; j++) out[at + j] = strings[j];
    return at + n;
  }
  const values = (data as { values?: unknown }).values;
  if (FIXED_WIDTH.has(data.typeId) && (values instanceof BigInt64Array || values instanceof Float64Array || values instanceof Float32Array
    || values instanceof Int32Array || values instanceof Int16Array || values instanceof Uint8Array)) {
    const v = values as ArrayLike<number | bigint>;
    for (let j = 0; j < n; j++) out[at + j] = hasNulls && !data.getValid(j) ? null : (v[j] as RecordValue);
    return at + n;
  }
  if (data.typeId === Type.Bool) {
    const bits = values as Uint8Array;
    const offset = data.offset;
    for (let j = 0; j < n; j++) {
      const bit = offset + j;
      out[at + j] = hasNulls && !data.getValid(j) ? null : (bits[bit >> 3] & (1 << (bit & 7))) !== 0;
    }
    return at + n;
  }
  let j = at;
  for (const value of makeVector(data)) out[j++] = normalizeValue(value);
  return j;
}

const decoder = new TextDecoder();

/**
 * The strings of a plain Utf8 chunk, decoded with one TextDecoder call for the whole chunk and
 * sliced by offsets (much faster than decoding row by row). Only for all-ASCII chunks, where byte
 * offsets are character offsets; null otherwise, and for other types.
 */
export function readUtf8Chunk(data: Data): (string | null)[] | null {
  const offsets = data.valueOffsets as Int32Array | undefined;
  if (!offsets || !(offsets instanceof Int32Array) || data.typeId !== Type.Utf8) return null;
  const n = data.length;
  const bytes = data.values as Uint8Array;
  const start = offsets[0];
  const end = offsets[n];
  const text = decoder.decode(bytes.subarray(start, end));
  if (text.length !== end - start) return null;
  const out: (string | null)[] = new Array(n);
  const hasNulls = data.nullCount > 0;
  for (let i = 0; i < n; i++) {
    out[i] = hasNulls && !data.getValid(i) ? null : text.slice(offsets[i] - start, offsets[i + 1] - start);
  }
  return out;
}

/** Arrow hands out a few value kinds the SDK does not use (e.g. BigInt64 as bigint is kept). */
function normalizeValue(value: unknown): RecordValue {
  if (value === undefined || value === null) return null;
  return value as RecordValue;
}

/** every column of a table, keyed by field name, in metadata order */
export function readColumns(table: Table, metadata: Metadata): Record<string, ColumnValues> {
  const out: Record<string, ColumnValues> = dataRecord();
  for (const field of metadata.fields) out[field.name] = readColumn(table, field.name);
  return out;
}

/** the values of `column` at `indices`, keeping the typed-array form when there is one */
export function gather(column: ColumnValues, indices: ArrayLike<number>): ColumnValues {
  const n = indices.length;
  if (Array.isArray(column)) {
    const out: RecordValue[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = column[indices[i]];
    return out;
  }
  const Ctor = column.constructor as new (length: number) => NumericArray;
  const out = new Ctor(n);
  if (out instanceof BigInt64Array) {
    const src = column as BigInt64Array;
    for (let i = 0; i < n; i++) out[i] = src[indices[i]];
  } else {
    const src = column as Exclude<NumericArray, BigInt64Array>;
    const dst = out as Exclude<NumericArray, BigInt64Array>;
    for (let i = 0; i < n; i++) dst[i] = src[indices[i]];
  }
  return out;
}

/** a growable list of values for building an output column from several sources */
export function concatColumns(parts: ColumnValues[]): ColumnValues {
  if (parts.length === 1) return parts[0];
  const allTyped = parts.length > 0 && parts.every((p) => !Array.isArray(p) && p.constructor === parts[0].constructor);
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  if (allTyped) {
    const Ctor = parts[0].constructor as new (length: number) => NumericArray;
    const out = new Ctor(total);
    let at = 0;
    for (const p of parts) {
      (out as unknown as { set(src: ArrayLike<number | bigint>, at: number): void }).set(p as NumericArray, at);
      at += p.length;
    }
    return out;
  }
  const out: RecordValue[] = new Array(total);
  let at = 0;
  for (const p of parts) for (let i = 0; i < p.length; i++) out[at++] = p[i];
  return out;
}

/** the rows at `indices` of every field of `table`, as output columns */
export function takeRows(table: Table, metadata: Metadata, indices: ArrayLike<number>): Record<string, ColumnValues> {
  const out: Record<string, ColumnValues> = dataRecord();
  for (const field of metadata.fields) out[field.name] = gather(readColumn(table, field.name), indices);
  return out;
}
