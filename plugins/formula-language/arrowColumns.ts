/**
 * Evaluation columns straight from Arrow buffers for the field types a condition or formula reads
 * most (bool, the integer types, float, double), nulls included, without going through an array
 * of JS values: a bit-packed Bool becomes a Uint8Array of 0/1, a validity bitmap the `nulls` mask.
 * Anything else (strings, dictionaries, int64, decimals) returns null: the caller reads it the
 * general way.
 */
import { Type, type Data, type Vector } from 'apache-arrow';
import type { Field } from '../../shared/sdk/index.js';
import type { Column } from './values.js';

type NumberArray = Float64Array | Float32Array | Int32Array | Int16Array | Uint8Array;

function isNumberArray(values: unknown): values is NumberArray {
  return values instanceof Float64Array || values instanceof Float32Array || values instanceof Int32Array
    || values instanceof Int16Array || values instanceof Uint8Array;
}

/** marks the rows of `data` that are null in `nulls` from `at`; returns how many there were */
function markNulls(data: Data, nulls: Uint8Array, at: number): number {
  const bitmap = data.nullBitmap;
  if (data.nullCount === 0 || !bitmap || bitmap.length === 0) return 0;
  const off = data.offset;
  let count = 0;
  for (let j = 0; j < data.length; j++) {
    const bit = off + j;
    if ((bitmap[bit >> 3] & (1 << (bit & 7))) === 0) { nulls[at + j] = 1; count++; }
  }
  return count;
}

function boolColumn(chunks: readonly Data[], n: number): Column {
  const values = new Uint8Array(n);
  const nulls = new Uint8Array(n);
  let anyNull = 0;
  let at = 0;
  for (const data of chunks) {
    const bits = data.values as Uint8Array;
    const off = data.offset;
    const len = data.length;
    if ((off & 7) === 0) {
      // byte-aligned: eight rows per source byte
      const base = off >> 3;
      const whole = len >> 3;
      for (let b = 0; b < whole; b++) {
        const byte = bits[base + b];
        if (byte === 0) continue;
        const o = at + (b << 3);
        values[o] = byte & 1; values[o + 1] = (byte >> 1) & 1; values[o + 2] = (byte >> 2) & 1; values[o + 3] = (byte >> 3) & 1;
        values[o + 4] = (byte >> 4) & 1; values[o + 5] = (byte >> 5) & 1; values[o + 6] = (byte >> 6) & 1; values[o + 7] = byte >> 7;
      }
      for (let j = whole << 3; j < len; j++) values[at + j] = (bits[base + (j >> 3)] >> (j & 7)) & 1;
    } else {
      for (let j = 0; j < len; j++) {
        const bit = off + j;
        values[at + j] = (bits[bit >> 3] >> (bit & 7)) & 1;
      }
    }
    anyNull += markNulls(data, nulls, at);
    at += len;
  }
  if (anyNull > 0) for (let i = 0; i < n; i++) if (nulls[i] === 1) values[i] = 0;
  return { type: 'bool', length: n, values, nulls: anyNull > 0 ? nulls : null };
}

function numberColumn(type: 'int' | 'double', chunks: readonly Data[], n: number): Column | null {
  const arrays: NumberArray[] = [];
  for (const data of chunks) {
    if (!isNumberArray(data.values)) return null;
    // a builder's buffer may be longer than its rows (Arrow JS slices values along with the Data)
    arrays.push(data.values.length === data.length ? data.values : data.values.subarray(0, data.length));
  }
  let anyNull = 0;
  for (const data of chunks) anyNull += data.nullCount;
  // a lone Float64 chunk without nulls is used as it is (no copy)
  if (anyNull === 0 && arrays.length === 1 && arrays[0] instanceof Float64Array) {
    return { type, length: n, values: arrays[0], nulls: null };
  }
  const values = new Float64Array(n);
  const nulls = anyNull > 0 ? new Uint8Array(n) : null;
  let at = 0;
  for (let c = 0; c < chunks.length; c++) {
    values.set(arrays[c], at);
    if (nulls !== null) markNulls(chunks[c], nulls, at);
    at += chunks[c].length;
  }
  if (nulls !== null) for (let i = 0; i < n; i++) if (nulls[i] === 1) values[i] = 0;
  return { type, length: n, values, nulls };
}

/** The column of `field` read from the Arrow vector, or null when this path does not handle it. */
export function arrowColumn(field: Field, vector: Vector): Column | null {
  const chunks = vector.data;
  const n = vector.length;
  if (chunks.some((d) => d.dictionary !== undefined)) return null;
  switch (field.type) {
    case 'bool':
      return chunks.every((d) => d.typeId === Type.Bool) ? boolColumn(chunks, n) : null;
    case 'byte': case 'int16': case 'int32':
      return chunks.every((d) => d.typeId === Type.Int) ? numberColumn('int', chunks, n) : null;
    case 'float': case 'double':
      return chunks.every((d) => d.typeId === Type.Float) ? numberColumn('double', chunks, n) : null;
    default:
      return null;
  }
}
