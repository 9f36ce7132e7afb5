/**
 * Converting plain JS values (from JSON, Excel, a typed-in table, or a foreign Arrow column) to a
 * Weft field type, and building Arrow columns of them. The slow, general path; the CSV parser has
 * its own byte-level fast path.
 */
import { Data, RecordBatch, Schema, Struct, makeData, vectorFromArray } from 'apache-arrow';
import type { Field } from '../../shared/sdk/index.js';
import type { FieldType } from '../../shared/metadata.js';
import { arrowFieldOf, arrowTypeOf } from '../../shared/sdk/arrowTypes.js';

/** a converted value, or `undefined` when the value does not convert */
export type Converted = boolean | number | bigint | string | Uint8Array | null | undefined;

const INT = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4}-\d{2}-\d{2})$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?)?Z?$/;
const TIME = /^(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?$/;
const RANGES: Partial<Record<FieldType, [number, number]>> = {
  byte: [0, 255], int16: [-32768, 32767], int32: [-2147483648, 2147483647],
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function isoDate(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function isoTime(d: Date): string {
  const ms = d.getUTCMilliseconds();
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms ? `.${pad(ms, 3)}` : ''}`;
}

export function isoDatetime(d: Date): string {
  return `${isoDate(d)} ${isoTime(d)}`;
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return isoDatetime(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

/** `value` as a value of `type` (see the SDK contract (docs/sdk.md)), or undefined when it does not convert */
export function convertValue(value: unknown, type: FieldType): Converted {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isNaN(value) && type !== 'double' && type !== 'float') return null;
  switch (type) {
    case 'bool': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value !== 0;
      if (typeof value === 'bigint') return value !== 0n;
      const s = toText(value).trim().toLowerCase();
      if (s === '') return null;
      if (['true', 't', 'yes', 'y', '1'].includes(s)) return true;
      if (['false', 'f', 'no', 'n', '0'].includes(s)) return false;
      return undefined;
    }
    case 'byte': case 'int16': case 'int32': {
      const [min, max] = RANGES[type]!;
      let n: number;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'bigint') n = Number(value);
      else if (typeof value === 'boolean') n = value ? 1 : 0;
      else {
        const s = toText(value).trim();
        if (s === '') return null;
        if (!INT.test(s)) return undefined;
        n = Number(s);
      }
      return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
    }
    case 'int64': {
      if (typeof value === 'bigint') return value >= -(2n ** 63n) && value < 2n ** 63n ? value : undefined;
      if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined;
      if (typeof value === 'boolean') return value ? 1n : 0n;
      const s = toText(value).trim();
      if (s === '') return null;
      if (!INT.test(s)) return undefined;
      const n = BigInt(s);
      return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
    }
    case 'float': case 'double': {
      if (typeof value === 'number') return value;
      if (typeof value === 'bigint') return Number(value);
      if (typeof value === 'boolean') return value ? 1 : 0;
      const s = toText(value).trim();
      if (s === '') return null;
      if (s === 'NaN') return NaN;
      return NUMBER.test(s) || /^[+-]?Infinity$/.test(s) ? Number(s) : undefined;
    }
    case 'fixeddecimal': {
      if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
      if (typeof value === 'bigint') return value.toString();
      const s = toText(value).trim();
      if (s === '') return null;
      return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(s) ? s : undefined;
    }
    case 'date': {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDate(value);
      const s = toText(value).trim();
      if (s === '') return null;
      const m = DATETIME.exec(s);
      return m && validDate(m[1]) ? m[1] : undefined;
    }
    case 'datetime': {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDatetime(value);
      const s = toText(value).trim();
      if (s === '') return null;
      const m = DATETIME.exec(s);
      if (!m || !validDate(m[1])) return undefined;
      return `${m[1]} ${m[2] ?? '00:00'}${m[3] ?? ':00'}`;
    }
    case 'time': {
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoTime(value);
      const s = toText(value).trim();
      if (s === '') return null;
      const m = TIME.exec(s);
      return m ? `${m[1]}${m[2] ?? ':00'}` : undefined;
    }
    case 'blob':
      if (value instanceof Uint8Array) return value;
      return new TextEncoder().encode(toText(value));
    default:
      return toText(value);
  }
}

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d) === s;
}

export interface ConversionFailure {
  row: number;
  field: string;
  value: unknown;
}

/** an Arrow column of `field`'s type from plain values; values that do not convert become null */
export function columnFromValues(field: Field, values: ArrayLike<unknown>, failures?: ConversionFailure[]): Data {
  const out = new Array<Converted>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = convertValue(values[i], field.type);
    if (v === undefined) {
      out[i] = null;
      failures?.push({ row: i, field: field.name, value: values[i] });
    } else out[i] = v;
  }
  return vectorFromArray(out, arrowTypeOf(field.type)).data[0];
}

/** one record batch of `fields` from column value arrays */
export function batchFromColumns(fields: Field[], columns: ArrayLike<unknown>[], length: number, failures?: ConversionFailure[]): RecordBatch {
  const arrowFields = fields.map((f) => arrowFieldOf(f));
  const children = fields.map((f, i) => columnFromValues(f, columns[i], failures));
  return batchOf(new Schema(arrowFields), children, length);
}

/** one record batch of `schema` over the column `children` */
export function batchOf(schema: Schema, children: Data[], length: number): RecordBatch {
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, nullCount: 0, children }));
}
