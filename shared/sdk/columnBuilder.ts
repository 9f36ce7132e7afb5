/**
 * Builds one Arrow column (`Data`) from plain values or a typed array. A typed array of the
 * field's exact storage type is used as the column buffer without copying.
 */
import { Data } from 'apache-arrow';
import type { Field } from '../metadata.js';
import { storageArrowType, storageOf, type StorageKind } from './arrowTypes.js';
import type { RecordValue } from './plugin.js';

type NumericKind = 'uint8' | 'int16' | 'int32' | 'int64' | 'float32' | 'float64';
type NumericArray = Uint8Array | Int16Array | Int32Array | BigInt64Array | Float32Array | Float64Array;

const ARRAY_OF: Record<NumericKind, new (length: number) => NumericArray> = {
  uint8: Uint8Array, int16: Int16Array, int32: Int32Array, int64: BigInt64Array, float32: Float32Array, float64: Float64Array,
};

const encoder = new TextEncoder();

/** the values an integer storage can hold; a value outside is an error, not a silent wrap-around */
const INT_RANGE: Partial<Record<NumericKind, [number, number]>> = {
  uint8: [0, 255], int16: [-32768, 32767], int32: [-2147483648, 2147483647],
};
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

class ValueError extends Error {}

export function buildColumn(field: Field, values: ArrayLike<RecordValue | undefined>, length: number): Data {
  const kind = storageOf(field.type);
  try {
    if (values.length !== length) throw new ValueError(`has ${values.length} values, expected ${length}`);
    switch (kind) {
      case 'bool': return buildBool(values, length);
      case 'utf8': case 'binary': return buildVariable(kind, values, length, field.type);
      default: return buildNumeric(kind, values, length);
    }
  } catch (error) {
    if (error instanceof ValueError) throw new Error(`field '${field.name}' (${field.type}) ${error.message}`);
    throw error;
  }
}

/** a column's validity bitmap, made at its first null (a column without nulls has none) */
class NullMask {
  bitmap: Uint8Array | undefined;
  count = 0;
  constructor(private readonly length: number) {}

  setNull(i: number): void {
    this.bitmap ??= new Uint8Array((this.length + 7) >> 3).fill(0xff);
    this.bitmap[i >> 3] &= ~(1 << (i & 7));
    this.count++;
  }
}

function buildNumeric(kind: NumericKind, values: ArrayLike<RecordValue | undefined>, length: number): Data {
  const Ctor = ARRAY_OF[kind];
  const type = storageArrowType(kind);
  if (values instanceof Ctor) return new Data(type, 0, length, 0, [undefined, values, undefined]);
  const out = new Ctor(length);
  const nulls = new NullMask(length);
  const isBig = kind === 'int64';
  const isInt = kind !== 'float32' && kind !== 'float64';
  const range = INT_RANGE[kind];
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      nulls.setNull(i);
      continue;
    }
    if (isBig) (out as BigInt64Array)[i] = toBigInt(value, i);
    else {
      const n = toNumber(value, i, isInt);
      if (range && !(n >= range[0] && n <= range[1])) {
        throw new ValueError(`row ${i}: ${describe(value)} is out of range (${range[0]}..${range[1]})`);
      }
      (out as Float64Array)[i] = n;
    }
  }
  return new Data(type, 0, length, nulls.count, [undefined, out, nulls.bitmap]);
}

function toNumber(value: RecordValue, row: number, isInt: boolean): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'bigint') n = Number(value);
  else if (typeof value === 'boolean') n = value ? 1 : 0;
  else if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) n = Number(value);
  else throw new ValueError(`row ${row}: ${describe(value)} is not a number`);
  return isInt ? Math.trunc(n) : n;
}

function toBigInt(value: RecordValue, row: number): bigint {
  const n = parseBigInt(value, row);
  if (n < INT64_MIN || n > INT64_MAX) throw new ValueError(`row ${row}: ${describe(value)} is out of the int64 range`);
  return n;
}

function parseBigInt(value: RecordValue, row: number): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return BigInt(Math.trunc(value));
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'string') {
    try {
      return BigInt(value.trim());
    } catch {
      // fall through to the error below
    }
  }
  throw new ValueError(`row ${row}: ${describe(value)} is not an integer`);
}

function buildBool(values: ArrayLike<RecordValue | undefined>, length: number): Data {
  const bits = new Uint8Array((length + 7) >> 3);
  const nulls = new NullMask(length);
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      nulls.setNull(i);
      continue;
    }
    let truth: boolean;
    if (typeof value === 'boolean') truth = value;
    else if (typeof value === 'number' || typeof value === 'bigint') truth = value !== 0 && value !== 0n;
    else if (value === 'true' || value === 'false') truth = value === 'true';
    else throw new ValueError(`row ${i}: ${describe(value)} is not a boolean`);
    if (truth) bits[i >> 3] |= 1 << (i & 7);
  }
  return new Data(storageArrowType('bool'), 0, length, nulls.count, [undefined, bits, nulls.bitmap]);
}

/** a JS Date given for a date/time/datetime field becomes its ISO text (UTC), as the contract's values are */
function isoText(date: Date, type: Field['type']): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString(); // 2026-11-21T13:05:00.000Z
  const time = iso.endsWith('.000Z') ? iso.slice(11, 19) : iso.slice(11, 23);
  if (type === 'date') return iso.slice(0, 10);
  if (type === 'time') return time;
  if (type === 'datetime') return `${iso.slice(0, 10)} ${time}`;
  return null;
}

function buildVariable(kind: StorageKind, values: ArrayLike<RecordValue | undefined>, length: number, type: Field['type']): Data {
  const offsets = new Int32Array(length + 1);
  let bytes: Uint8Array = new Uint8Array(Math.max(64, length * 8));
  let used = 0;
  const nulls = new NullMask(length);
  for (let i = 0; i < length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      nulls.setNull(i);
      offsets[i + 1] = used;
      continue;
    }
    if (value instanceof Uint8Array) {
      if (kind === 'utf8') throw new ValueError(`row ${i}: a Uint8Array is not text`);
      bytes = ensureRoom(bytes, used, value.byteLength);
      bytes.set(value, used);
      used += value.byteLength;
    } else {
      if (kind === 'binary' && typeof value !== 'string') throw new ValueError(`row ${i}: ${describe(value)} is not a Uint8Array or string`);
      let text: string;
      if (typeof value === 'string') text = value;
      else if ((value as unknown) instanceof Date) {
        const iso = isoText(value as unknown as Date, type);
        if (iso === null) throw new ValueError(`row ${i}: ${String(value)} is not a valid ${type}`);
        text = iso;
      } else text = String(value);
      bytes = ensureRoom(bytes, used, text.length * 3);
      used += encoder.encodeInto(text, bytes.subarray(used)).written;
    }
    offsets[i + 1] = used;
  }
  return new Data(storageArrowType(kind), 0, length, nulls.count, [offsets, bytes.subarray(0, used), nulls.bitmap]);
}

function ensureRoom(bytes: Uint8Array, used: number, extra: number): Uint8Array {
  if (used + extra <= bytes.byteLength) return bytes;
  const grown = new Uint8Array(Math.max(bytes.byteLength * 2, used + extra));
  grown.set(bytes.subarray(0, used));
  return grown;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value instanceof Uint8Array) return 'a Uint8Array';
  return `${typeof value} ${String(value)}`;
}
