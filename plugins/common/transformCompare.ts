/**
 * Ordering of values for Sort, Summarize's min/max and group order. Strings compare by Unicode
 * code point (the order of their UTF-8 bytes, as DuckDB and most databases without a collation),
 * not by locale; dates and times compare as their ISO text, which is chronological; numbers and
 * bigints numerically (NaN after every number); false before true.
 */
import type { RecordValue } from '../../shared/sdk/index.js';
import type { ColumnValues } from './transformColumns.js';

/** compares two strings by code point (JavaScript's `<` compares UTF-16 units, which differs above U+FFFF) */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // surrogates (U+D800–DFFF, i.e. code points ≥ U+10000) sort after U+E000–FFFF
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** compares two non-null values of the same field; result < 0, 0 or > 0 */
export function compareValues(a: RecordValue, b: RecordValue): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) return 0;
    return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
  }
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const x = typeof a === 'bigint' ? a : BigInt(Math.trunc(Number(a)));
    const y = typeof b === 'bigint' ? b : BigInt(Math.trunc(Number(b)));
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareBytes(a, b);
  return compareCodePoints(String(a), String(b));
}

export interface KeyColumn {
  values: ColumnValues;
  descending: boolean;
  nullsFirst: boolean;
}

/** a comparator of row indices over key columns, ties broken by index (a stable order) */
export function rowComparator(keys: readonly KeyColumn[]): (i: number, j: number) => number {
  const cols = keys.map((k) => ({ values: k.values, sign: k.descending ? -1 : 1, nulls: k.nullsFirst ? -1 : 1, typed: !Array.isArray(k.values) }));
  if (cols.length === 1 && cols[0].typed && !(cols[0].values instanceof BigInt64Array)) {
    const v = cols[0].values as Float64Array;
    const sign = cols[0].sign;
    return (i, j) => {
      const a = v[i];
      const b = v[j];
      if (a < b) return -sign;
      if (a > b) return sign;
      if (a !== b) {
        const c = Number.isNaN(a) ? (Number.isNaN(b) ? 0 : 1) : -1;
        if (c !== 0) return c * sign;
      }
      return i - j;
    };
  }
  return (i, j) => {
    for (const col of cols) {
      const a = col.values[i];
      const b = col.values[j];
      if (a === null || b === null) {
        if (a === b) continue;
        return a === null ? col.nulls : -col.nulls;
      }
      const c = compareValues(a, b);
      if (c !== 0) return c * col.sign;
    }
    return i - j;
  };
}

/** the row indices 0..n-1 in the order of `keys` (stable) */
export function sortedIndices(n: number, keys: readonly KeyColumn[]): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (keys.length === 0 || n < 2) return order;
  return order.sort(rowComparator(keys));
}
