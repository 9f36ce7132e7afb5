/** Building, reading, broadcasting and gathering evaluation columns. */
import type { Column, Nulls, Scalar, ValueType } from './values.js';

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
const SAFE_MAX = Number.MAX_SAFE_INTEGER;

export function isNullAt(column: Column, i: number): boolean {
  return column.type === 'null' || (column.nulls !== null && column.nulls[i] === 1);
}

/** The value of row `i` as a Scalar (`int` as number when safe, else bigint). */
export function scalarAt(column: Column, i: number): Scalar {
  if (isNullAt(column, i)) return null;
  switch (column.type) {
    case 'bool': return column.values[i] === 1;
    case 'double': return column.values[i];
    case 'int': {
      const v = column.values[i];
      if (typeof v === 'number') return v;
      return v >= -BigInt(SAFE_MAX) && v <= BigInt(SAFE_MAX) ? Number(v) : v;
    }
    case 'null': return null;
    default: return column.values[i];
  }
}

/** Collects one value per row into a column of a given type; `int` switches to bigint storage on demand. */
export class ColumnBuilder {
  private bools: Uint8Array | null = null;
  private doubles: Float64Array | null = null;
  private bigints: BigInt64Array | null = null;
  private objects: (string | Uint8Array)[] | null = null;
  private nulls: Uint8Array | null = null;
  /** rows whose int result did not fit int64 and became null */
  overflows = 0;

  constructor(readonly type: ValueType, readonly length: number) {
    if (type === 'bool') this.bools = new Uint8Array(length);
    else if (type === 'double' || type === 'int') this.doubles = new Float64Array(length);
    else if (type !== 'null') this.objects = new Array<string | Uint8Array>(length).fill('');
  }

  setNull(i: number): void {
    if (this.type === 'null') return;
    if (this.nulls === null) this.nulls = new Uint8Array(this.length);
    this.nulls[i] = 1;
  }

  set(i: number, value: Scalar): void {
    if (value === null) return this.setNull(i);
    switch (this.type) {
      case 'bool': this.bools![i] = value ? 1 : 0; return;
      case 'double': this.doubles![i] = typeof value === 'bigint' ? Number(value) : Number(value); return;
      case 'int': return this.setInt(i, value);
      case 'null': return;
      default: this.objects![i] = value as string | Uint8Array;
    }
  }

  private setInt(i: number, value: Scalar): void {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return this.setNull(i);
      const whole = Math.trunc(value);
      if (this.bigints !== null) this.bigints[i] = BigInt(whole);
      else if (Math.abs(whole) <= SAFE_MAX) this.doubles![i] = whole;
      else if (whole >= -(2 ** 63) && whole < 2 ** 63) this.switchToBigInt()[i] = BigInt(whole);
      else this.overflow(i);
      return;
    }
    if (typeof value === 'bigint') {
      if (value < INT64_MIN || value > INT64_MAX) return this.overflow(i);
      if (this.bigints !== null) this.bigints[i] = value;
      else if (value >= -BigInt(SAFE_MAX) && value <= BigInt(SAFE_MAX)) this.doubles![i] = Number(value);
      else this.switchToBigInt()[i] = value;
      return;
    }
    if (typeof value === 'boolean') return this.setInt(i, value ? 1 : 0);
    this.setNull(i);
  }

  private overflow(i: number): void {
    this.overflows++;
    this.setNull(i);
  }

  private switchToBigInt(): BigInt64Array {
    if (this.bigints === null) {
      const big = new BigInt64Array(this.length);
      const doubles = this.doubles!;
      for (let k = 0; k < this.length; k++) big[k] = BigInt(doubles[k]);
      this.bigints = big;
      this.doubles = null;
    }
    return this.bigints;
  }

  finish(): Column {
    const { length, nulls } = this;
    switch (this.type) {
      case 'bool': return { type: 'bool', length, values: this.bools!, nulls };
      case 'double': return { type: 'double', length, values: this.doubles!, nulls };
      case 'int': return { type: 'int', length, values: this.bigints ?? this.doubles!, nulls };
      case 'null': return nullColumn(length);
      case 'blob': return { type: 'blob', length, values: this.objects as Uint8Array[], nulls };
      default: return { type: this.type, length, values: this.objects as string[], nulls };
    }
  }
}

export function nullColumn(length: number): Column {
  return { type: 'null', length, values: null, nulls: null };
}

/** A column of `length` rows all holding `value`. */
export function broadcast(type: ValueType, value: Scalar, length: number): Column {
  if (value === null) {
    if (type === 'null') return nullColumn(length);
    const builder = new ColumnBuilder(type, length);
    for (let i = 0; i < length; i++) builder.setNull(i);
    return builder.finish();
  }
  switch (type) {
    case 'bool': return { type, length, values: new Uint8Array(length).fill(value ? 1 : 0), nulls: null };
    case 'double': return { type, length, values: new Float64Array(length).fill(Number(value)), nulls: null };
    case 'int': {
      if (typeof value === 'bigint' && (value > BigInt(SAFE_MAX) || value < -BigInt(SAFE_MAX))) {
        return { type, length, values: new BigInt64Array(length).fill(value), nulls: null };
      }
      return { type, length, values: new Float64Array(length).fill(Number(value)), nulls: null };
    }
    case 'null': return nullColumn(length);
    case 'blob': return { type, length, values: new Array<Uint8Array>(length).fill(value as Uint8Array), nulls: null };
    default: return { type, length, values: new Array<string>(length).fill(String(value)), nulls: null };
  }
}

function gatherNulls(nulls: Nulls, rows: Int32Array): Nulls {
  if (nulls === null) return null;
  const out = new Uint8Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = nulls[rows[k]];
  return out;
}

/** The rows `rows` of `column`, in that order. */
export function gather(column: Column, rows: Int32Array): Column {
  const length = rows.length;
  const nulls = gatherNulls(column.nulls, rows);
  switch (column.type) {
    case 'null': return nullColumn(length);
    case 'bool': {
      const values = new Uint8Array(length);
      for (let k = 0; k < length; k++) values[k] = column.values[rows[k]];
      return { type: 'bool', length, values, nulls };
    }
    case 'double': {
      const values = new Float64Array(length);
      for (let k = 0; k < length; k++) values[k] = column.values[rows[k]];
      return { type: 'double', length, values, nulls };
    }
    case 'int': {
      const source = column.values;
      const values = source instanceof BigInt64Array ? new BigInt64Array(length) : new Float64Array(length);
      if (source instanceof BigInt64Array) for (let k = 0; k < length; k++) (values as BigInt64Array)[k] = source[rows[k]];
      else for (let k = 0; k < length; k++) (values as Float64Array)[k] = source[rows[k]];
      return { type: 'int', length, values, nulls };
    }
    case 'blob': {
      const values = new Array<Uint8Array>(length);
      for (let k = 0; k < length; k++) values[k] = column.values[rows[k]];
      return { type: 'blob', length, values, nulls };
    }
    default: {
      const values = new Array<string>(length);
      for (let k = 0; k < length; k++) values[k] = column.values[rows[k]];
      return { type: column.type, length, values, nulls };
    }
  }
}

/** Writes `part` (one value per entry of `rows`) into `builder` at those rows. */
export function scatter(builder: ColumnBuilder, rows: Int32Array | null, part: Column): void {
  const count = part.length;
  for (let k = 0; k < count; k++) builder.set(rows === null ? k : rows[k], scalarAt(part, k));
}

/** A column from plain values (e.g. a packet's `column(name)`); booleans, numbers, bigints, text. */
export function columnFromValues(type: ValueType, values: ArrayLike<Scalar>): Column {
  const builder = new ColumnBuilder(type, values.length);
  for (let i = 0; i < values.length; i++) builder.set(i, values[i] ?? null);
  return builder.finish();
}

/** The values of a column as plain Scalars, row by row. */
export function columnValues(column: Column): Scalar[] {
  const out = new Array<Scalar>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = scalarAt(column, i);
  return out;
}
