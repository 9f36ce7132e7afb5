/**
 * Field types for the transform tools: classification, the widening rule used by Union (and by
 * Join key matching), and value conversion used by Select's retype and by Union.
 */
import type { Field, RecordValue } from '../../shared/sdk/index.js';

type FieldType = Field['type'];

const INTEGER: readonly FieldType[] = ['byte', 'int16', 'int32', 'int64'];
const FLOATING: readonly FieldType[] = ['float', 'double', 'fixeddecimal'];
const STRING: readonly FieldType[] = ['string', 'v_string', 'wstring', 'v_wstring'];
const TEMPORAL: readonly FieldType[] = ['date', 'time', 'datetime'];

export const isIntegerType = (t: FieldType): boolean => INTEGER.includes(t);
export const isNumericType = (t: FieldType): boolean => INTEGER.includes(t) || FLOATING.includes(t);
export const isStringType = (t: FieldType): boolean => STRING.includes(t);
export const isTemporalType = (t: FieldType): boolean => TEMPORAL.includes(t);

/** integer ranges by type, for conversions that must not overflow */
const INT_RANGE: Partial<Record<FieldType, [number, number]>> = {
  byte: [0, 255], int16: [-32768, 32767], int32: [-2147483648, 2147483647],
};
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The type both `a` and `b` fit in: integers widen to the wider integer, integer+float to double,
 * date+datetime to datetime, strings to the wide variable string, and anything else mixed to a
 * string (v_wstring). Sizes take the larger of the two.
 */
export function widenField(a: Field, b: Field): Field {
  const type = widenType(a.type, b.type);
  const out: Field = { ...a, type };
  const size = Math.max(a.size ?? 0, b.size ?? 0);
  if (size > 0) out.size = size; else delete out.size;
  if (type !== 'fixeddecimal') delete out.scale;
  else out.scale = Math.max(a.scale ?? 0, b.scale ?? 0);
  return out;
}

export function widenType(a: FieldType, b: FieldType): FieldType {
  if (a === b) return a;
  if (isIntegerType(a) && isIntegerType(b)) return INTEGER[Math.max(INTEGER.indexOf(a), INTEGER.indexOf(b))];
  if (a === 'bool' && isIntegerType(b)) return b;
  if (b === 'bool' && isIntegerType(a)) return a;
  if (a === 'float' && b === 'float') return 'float';
  if (a === 'fixeddecimal' && b === 'fixeddecimal') return 'fixeddecimal';
  if ((isNumericType(a) || a === 'bool') && (isNumericType(b) || b === 'bool')) return 'double';
  if (isStringType(a) && isStringType(b)) {
    const wide = a.startsWith('w') || a.startsWith('v_w') || b.startsWith('w') || b.startsWith('v_w');
    return wide ? 'v_wstring' : 'v_string';
  }
  if ((a === 'date' && b === 'datetime') || (a === 'datetime' && b === 'date')) return 'datetime';
  if (isStringType(a) && b !== 'blob') return a.includes('w') ? 'v_wstring' : 'v_string';
  if (isStringType(b) && a !== 'blob') return b.includes('w') ? 'v_wstring' : 'v_string';
  return 'v_wstring';
}

export interface Conversion {
  value: RecordValue;
  /** true when a non-null value could not be represented and became null */
  lost: boolean;
}

const NULL_OK: Conversion = { value: null, lost: false };
const lost: Conversion = { value: null, lost: true };
const ok = (value: RecordValue): Conversion => ({ value, lost: false });

/** text of a value as a string field would hold it */
export function valueToText(value: RecordValue, from: FieldType): string | null {
  if (value === null) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' && from === 'float') return String(Math.fround(value));
  return String(value);
}

/** round half away from zero, as SQL casts and Alteryx do */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function toNumber(value: RecordValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    const n = Number(text);
    return Number.isNaN(n) && text !== 'NaN' ? null : n;
  }
  return null;
}

const DATE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?))?$/;
const TIME = /^(\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;

/** converts one value of type `from` to type `to` (Select's retype, Union's widening) */
export function convertValue(value: RecordValue, from: FieldType, to: FieldType): Conversion {
  if (value === null) return NULL_OK;
  if (from === to) return ok(value);
  if (isStringType(to) || to === 'spatialobj') return ok(valueToText(value, from));
  if (to === 'bool') {
    if (typeof value === 'boolean') return ok(value);
    if (typeof value === 'string') {
      const t = value.trim().toLowerCase();
      if (t === 'true' || t === '1' || t === 'yes') return ok(true);
      if (t === 'false' || t === '0' || t === 'no') return ok(false);
      return lost;
    }
    const n = toNumber(value);
    return n === null || Number.isNaN(n) ? lost : ok(n !== 0);
  }
  if (to === 'int64') {
    if (typeof value === 'bigint') return ok(value);
    if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) {
      const big = BigInt(value.trim());
      return big < INT64_MIN || big > INT64_MAX ? lost : ok(big);
    }
    const n = toNumber(value);
    if (n === null || !Number.isFinite(n)) return lost;
    const big = BigInt(roundHalfAway(n));
    return big < INT64_MIN || big > INT64_MAX ? lost : ok(big);
  }
  const range = INT_RANGE[to];
  if (range) {
    const n = toNumber(value);
    if (n === null || !Number.isFinite(n)) return lost;
    const r = roundHalfAway(n);
    return r < range[0] || r > range[1] ? lost : ok(r);
  }
  if (to === 'float' || to === 'double') {
    const n = toNumber(value);
    if (n === null) return lost;
    return ok(to === 'float' ? Math.fround(n) : n);
  }
  if (to === 'fixeddecimal') {
    const n = toNumber(value);
    return n === null || !Number.isFinite(n) ? lost : ok(String(n));
  }
  if (isTemporalType(to)) {
    if (typeof value !== 'string') return lost;
    const text = value.trim();
    const date = DATE.exec(text);
    if (to === 'date') return date ? ok(date[1]) : lost;
    if (to === 'datetime') return date ? ok(`${date[1]} ${date[2] ?? '00:00:00'}`) : lost;
    if (date?.[2]) return ok(date[2]);
    return TIME.test(text) ? ok(text) : lost;
  }
  if (to === 'blob') {
    if (value instanceof Uint8Array) return ok(value);
    return typeof value === 'string' ? ok(new TextEncoder().encode(value)) : lost;
  }
  return lost;
}

const ALL_TYPES: readonly FieldType[] = [...INTEGER, ...FLOATING, ...STRING, ...TEMPORAL, 'bool', 'blob', 'spatialobj'];
export const isFieldTypeName = (t: unknown): t is FieldType => typeof t === 'string' && (ALL_TYPES as readonly string[]).includes(t);

/**
 * converts a whole column from one type to another; `lost` counts non-null values that became
 * null because the target type cannot hold them
 */
export function convertColumn(values: ArrayLike<RecordValue>, from: FieldType, to: FieldType): { values: RecordValue[]; lost: number } {
  const out: RecordValue[] = new Array(values.length);
  let lostCount = 0;
  for (let i = 0; i < values.length; i++) {
    const c = convertValue(values[i], from, to);
    out[i] = c.value;
    if (c.lost) lostCount++;
  }
  return { values: out, lost: lostCount };
}
