/**
 * The bridge between record packets and evaluation columns: reads a packet's fields as Columns
 * (typed arrays kept where they exist) and turns a result Column into the values
 * `provider.records.fromColumns` takes for a field of a given Alteryx type.
 */
import type { Table } from 'apache-arrow';
import type { Field, Metadata, RecordValue } from '../../shared/sdk/index.js';
import { columnVector, readColumn, type ColumnValues } from '../common/transformColumns.js';
import { arrowColumn } from './arrowColumns.js';
import { ColumnBatch } from './batch.js';
import { ColumnBuilder, columnFromValues, scalarAt } from './columns.js';
import { numberToText, scalarToText, textToNumber } from './conversionFunctions.js';
import { formatDate, formatDateTime, formatTime, parseAnyTime, parseDateTime } from './dateTime.js';
import { roundHalfAway } from './mathFunctions.js';
import { valueTypeOfField, type Column, type Scalar, type ValueType } from './values.js';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function intColumnFromBigInts(values: BigInt64Array): Column {
  const n = values.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v > SAFE || v < -SAFE) return { type: 'int', length: n, values, nulls: null };
    out[i] = Number(v);
  }
  return { type: 'int', length: n, values: out, nulls: null };
}

/** One field of a packet as an evaluation column. */
export function columnOfValues(field: Field, values: ColumnValues): Column {
  const type = valueTypeOfField(field.type);
  if (!Array.isArray(values)) {
    if (values instanceof BigInt64Array) return intColumnFromBigInts(values);
    if (type === 'int') return { type: 'int', length: values.length, values: Float64Array.from(values as ArrayLike<number>), nulls: null };
    if (type === 'double') {
      return { type: 'double', length: values.length, values: values instanceof Float64Array ? values : Float64Array.from(values as ArrayLike<number>), nulls: null };
    }
  }
  if (type === 'double' && field.type === 'fixeddecimal') {
    return columnFromValues('double', Array.from(values as ArrayLike<RecordValue>, (v) => (typeof v === 'string' ? textToNumber(v) : v)));
  }
  return columnFromValues(type, values as ArrayLike<Scalar>);
}

/** A batch over a packet's table: each field is read only when a formula uses it. */
export function packetBatch(table: Table, metadata: Metadata): ColumnBatch {
  const byName = new Map(metadata.fields.map((f) => [f.name, f]));
  return new ColumnBatch(table.numRows, (name) => {
    const field = byName.get(name);
    if (field === undefined) throw new Error(`internal: no field ${name}`);
    return arrowColumn(field, columnVector(table, name)) ?? columnOfValues(field, readColumn(table, name));
  });
}

/** Whether a result of `from` can be written to a field of `to` (conversions may still fail per row). */
export function canConvert(from: ValueType, to: Field['type']): boolean {
  const target = valueTypeOfField(to);
  if (from === 'null' || from === target) return true;
  if (from === 'blob' || target === 'blob') return false;
  const temporal = (t: ValueType) => t === 'date' || t === 'time' || t === 'datetime';
  if (temporal(target)) return from === 'string' || temporal(from);
  if (temporal(from)) return target === 'string';
  return true;
}

const INT_RANGE: Partial<Record<Field['type'], [number, number]>> = {
  byte: [0, 255], int16: [-32768, 32767], int32: [-2147483648, 2147483647],
};

/**
 * Converts one value to a field type's storage form, or null (with `warn`) when it does not fit:
 * numbers round half away from zero into integer fields, text is read as a number or a date.
 */
function convertScalar(value: Scalar, field: Field, warn: (message: string) => void): Scalar {
  if (value === null) return null;
  const bad = (why: string) => {
    warn(`field ${field.name} (${field.type}): ${why}`);
    return null;
  };
  switch (field.type) {
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'number') return value !== 0;
      if (typeof value === 'bigint') return value !== 0n;
      if (typeof value === 'string' && /^(true|false|1|0)$/i.test(value.trim())) return /^(true|1)$/i.test(value.trim());
      return bad(`${JSON.stringify(String(value).slice(0, 40))} is not true/false`);
    case 'byte': case 'int16': case 'int32': case 'int64': {
      let whole: number | bigint;
      if (typeof value === 'bigint') whole = value;
      else if (typeof value === 'boolean') whole = value ? 1 : 0;
      else if (typeof value === 'number') {
        if (!Number.isFinite(value)) return bad(`${value} is not a finite number`);
        whole = roundHalfAway(value);
      } else {
        const text = String(value).trim();
        if (/^[+-]?\d+$/.test(text)) whole = BigInt(text);
        else {
          const n = textToNumber(text);
          if (n === null) return bad(`${JSON.stringify(text.slice(0, 40))} is not a number`);
          whole = roundHalfAway(n);
        }
      }
      const range = INT_RANGE[field.type];
      if (range) {
        const n = Number(whole);
        if (n < range[0] || n > range[1]) return bad(`${whole} does not fit`);
        return n;
      }
      const big = BigInt(whole);
      if (big < -(2n ** 63n) || big >= 2n ** 63n) return bad(`${whole} does not fit`);
      return big;
    }
    case 'float': case 'double': case 'fixeddecimal': {
      let n: number | null;
      if (typeof value === 'number') n = value;
      else if (typeof value === 'bigint') n = Number(value);
      else if (typeof value === 'boolean') n = value ? 1 : 0;
      else {
        n = textToNumber(String(value));
        if (n === null) return bad(`${JSON.stringify(String(value).slice(0, 40))} is not a number`);
      }
      if (field.type === 'fixeddecimal') return numberToText(n, field.scale ?? 0);
      return n;
    }
    case 'date': case 'datetime': {
      const t = parseDateTime(String(value));
      if (t === null) return bad(`${JSON.stringify(String(value).slice(0, 40))} is not a ${field.type}`);
      return field.type === 'date' ? formatDate(t) : formatDateTime(t);
    }
    case 'time': {
      const t = parseAnyTime(String(value));
      if (t === null) return bad(`${JSON.stringify(String(value).slice(0, 40))} is not a time`);
      return formatTime(t);
    }
    case 'blob':
      return value instanceof Uint8Array ? value : bad('not binary');
    default:
      return scalarToText(value);
  }
}

/** Whether a column already holds exactly what a field of this type stores, needing no conversion. */
function storesAs(column: Column, field: Field): boolean {
  const target = valueTypeOfField(field.type);
  if (column.type !== target) return false;
  return !['byte', 'int16', 'int32', 'float', 'fixeddecimal'].includes(field.type);
}

/**
 * The values of `column` written as a field of `field.type` for `fromColumns`: typed arrays when
 * there are no nulls (no copy for doubles), plain arrays with null otherwise.
 */
export function outputValues(column: Column, field: Field, warn: (message: string) => void): ArrayLike<RecordValue> {
  const n = column.length;
  if (storesAs(column, field)) {
    if (column.nulls === null) {
      if (column.type === 'double') return column.values;
      if (column.type === 'int') {
        if (column.values instanceof BigInt64Array) return column.values;
        const out = new BigInt64Array(n);
        const v = column.values;
        for (let i = 0; i < n; i++) out[i] = BigInt(v[i]);
        return out;
      }
      if (column.type === 'bool') return column.values as unknown as ArrayLike<RecordValue>;
      if (column.type !== 'null') return column.values as ArrayLike<RecordValue>;
    }
    const out = new Array<RecordValue>(n);
    for (let i = 0; i < n; i++) {
      const v = scalarAt(column, i);
      out[i] = column.type === 'int' && typeof v === 'number' ? BigInt(v) : v;
    }
    return out;
  }
  if (column.nulls === null && (field.type === 'int32' || field.type === 'int16') && column.type === 'int' && column.values instanceof Float64Array) {
    const range = INT_RANGE[field.type]!;
    const source = column.values;
    const out = field.type === 'int32' ? new Int32Array(n) : new Int16Array(n);
    let fits = true;
    for (let i = 0; i < n && fits; i++) {
      const v = source[i];
      if (v < range[0] || v > range[1]) fits = false;
      else out[i] = v;
    }
    if (fits) return out as ArrayLike<RecordValue>;
  }
  const out = new Array<RecordValue>(n);
  for (let i = 0; i < n; i++) out[i] = convertScalar(scalarAt(column, i), field, warn);
  return out;
}

/** `column` converted to the language type a field of this type reads as (what later formulas see). */
export function columnAsField(column: Column, field: Field, warn: (message: string) => void): { column: Column; values: ArrayLike<RecordValue> } {
  const values = outputValues(column, field, warn);
  if (storesAs(column, field)) return { column, values };
  const builder = new ColumnBuilder(valueTypeOfField(field.type), column.length);
  for (let i = 0; i < column.length; i++) {
    const v = values[i];
    builder.set(i, v === undefined ? null : (field.type === 'fixeddecimal' && typeof v === 'string' ? Number(v) : v));
  }
  return { column: builder.finish(), values };
}
