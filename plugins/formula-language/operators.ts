/**
 * Column kernels for the operators: tight loops over typed arrays, with SQL null semantics
 * (a null operand gives a null result; AND/OR use three-valued logic).
 */
import { ColumnBuilder } from './columns.js';
import type { ArithmeticOperator, ComparisonOperator } from './plan.js';
import type { Column, Nulls } from './values.js';

type NumberColumn = Extract<Column, { type: 'double' }>;
type IntColumn = Extract<Column, { type: 'int' }>;
type BoolColumn = Extract<Column, { type: 'bool' }>;

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

export function mergeNulls(a: Nulls, b: Nulls, length: number): Nulls {
  if (a === null) return b;
  if (b === null) return a;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = a[i] | b[i];
  return out;
}

function markNull(nulls: Nulls, i: number, length: number): Uint8Array {
  const out = nulls ?? new Uint8Array(length);
  out[i] = 1;
  return out;
}

export function arithmeticDouble(operator: ArithmeticOperator, a: NumberColumn, b: NumberColumn): Column {
  const n = a.length;
  const x = a.values;
  const y = b.values;
  const out = new Float64Array(n);
  let nulls = mergeNulls(a.nulls, b.nulls, n);
  if (nulls !== null && (nulls === a.nulls || nulls === b.nulls) && (operator === '/' || operator === '%')) nulls = nulls.slice();
  switch (operator) {
    case '+': for (let i = 0; i < n; i++) out[i] = x[i] + y[i]; break;
    case '-': for (let i = 0; i < n; i++) out[i] = x[i] - y[i]; break;
    case '*': for (let i = 0; i < n; i++) out[i] = x[i] * y[i]; break;
    case '/':
      for (let i = 0; i < n; i++) {
        if (y[i] === 0) nulls = markNull(nulls, i, n);
        else out[i] = x[i] / y[i];
      }
      break;
    case '%':
      for (let i = 0; i < n; i++) {
        if (y[i] === 0) nulls = markNull(nulls, i, n);
        else out[i] = x[i] % y[i];
      }
      break;
  }
  return { type: 'double', length: n, values: out, nulls };
}

function bigAt(values: Float64Array | BigInt64Array, i: number): bigint {
  const v = values[i];
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** Exact int64 arithmetic: doubles while results stay within 2^53, bigint otherwise. */
export function arithmeticInt(operator: Exclude<ArithmeticOperator, '/'>, a: IntColumn, b: IntColumn): { column: Column; overflows: number } {
  const n = a.length;
  const nulls = mergeNulls(a.nulls, b.nulls, n);
  const x = a.values;
  const y = b.values;
  if (x instanceof Float64Array && y instanceof Float64Array) {
    const out = new Float64Array(n);
    let exact = true;
    let own = nulls;
    switch (operator) {
      case '+': for (let i = 0; i < n; i++) out[i] = x[i] + y[i]; break;
      case '-': for (let i = 0; i < n; i++) out[i] = x[i] - y[i]; break;
      case '*': for (let i = 0; i < n; i++) out[i] = x[i] * y[i]; break;
      case '%':
        for (let i = 0; i < n; i++) {
          if (y[i] === 0) {
            if (own === null || own === a.nulls || own === b.nulls) own = own === null ? new Uint8Array(n) : own.slice();
            own[i] = 1;
          } else out[i] = x[i] % y[i];
        }
        break;
    }
    if (operator !== '%') {
      for (let i = 0; i < n; i++) {
        if (!(Math.abs(out[i]) <= SAFE_MAX)) {
          exact = false;
          break;
        }
      }
    }
    if (exact) {
      // a null row may hold any value; zero it so a later kernel never sees an unsafe number there
      if (own !== null) for (let i = 0; i < n; i++) if (own[i] === 1) out[i] = 0;
      return { column: { type: 'int', length: n, values: out, nulls: own }, overflows: 0 };
    }
  }
  const builder = new ColumnBuilder('int', n);
  for (let i = 0; i < n; i++) {
    if (nulls !== null && nulls[i] === 1) {
      builder.setNull(i);
      continue;
    }
    const p = bigAt(x, i);
    const q = bigAt(y, i);
    let r: bigint | null;
    switch (operator) {
      case '+': r = p + q; break;
      case '-': r = p - q; break;
      case '*': r = p * q; break;
      case '%': r = q === 0n ? null : p % q; break;
    }
    builder.set(i, r);
  }
  const column = builder.finish();
  return { column, overflows: builder.overflows };
}

export function negate(a: Column): { column: Column; overflows: number } {
  const n = a.length;
  if (a.type === 'double' || (a.type === 'int' && a.values instanceof Float64Array)) {
    const x = a.values as Float64Array;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = x[i] === 0 ? 0 : -x[i];
    return { column: { type: a.type, length: n, values: out, nulls: a.nulls } as Column, overflows: 0 };
  }
  if (a.type !== 'int') throw new Error(`negate of ${a.type}`);
  const builder = new ColumnBuilder('int', n);
  for (let i = 0; i < n; i++) {
    if (a.nulls !== null && a.nulls[i] === 1) builder.setNull(i);
    else builder.set(i, -(a.values as BigInt64Array)[i]);
  }
  return { column: builder.finish(), overflows: builder.overflows };
}

function test(operator: ComparisonOperator, c: number): boolean {
  switch (operator) {
    case '=': return c === 0;
    case '!=': return c !== 0;
    case '<': return c < 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '>=': return c >= 0;
  }
}

/** Compares two columns of the same type row by row. */
export function compare(operator: ComparisonOperator, a: Column, b: Column): BoolColumn {
  const n = a.length;
  const nulls = mergeNulls(a.nulls, b.nulls, n);
  const out = new Uint8Array(n);
  if (a.type === 'null' || b.type === 'null') {
    return { type: 'bool', length: n, values: out, nulls: new Uint8Array(n).fill(1) };
  }
  const x = a.values;
  const y = b.values;
  if (x instanceof Float64Array && y instanceof Float64Array) {
    switch (operator) {
      case '=': for (let i = 0; i < n; i++) out[i] = x[i] === y[i] ? 1 : 0; break;
      case '!=': for (let i = 0; i < n; i++) out[i] = x[i] !== y[i] ? 1 : 0; break;
      case '<': for (let i = 0; i < n; i++) out[i] = x[i] < y[i] ? 1 : 0; break;
      case '<=': for (let i = 0; i < n; i++) out[i] = x[i] <= y[i] ? 1 : 0; break;
      case '>': for (let i = 0; i < n; i++) out[i] = x[i] > y[i] ? 1 : 0; break;
      case '>=': for (let i = 0; i < n; i++) out[i] = x[i] >= y[i] ? 1 : 0; break;
    }
    return { type: 'bool', length: n, values: out, nulls };
  }
  if (a.type === 'int') {
    const p = a.values;
    const q = (b as IntColumn).values;
    for (let i = 0; i < n; i++) {
      const l = bigAt(p, i);
      const r = bigAt(q, i);
      out[i] = test(operator, l < r ? -1 : l > r ? 1 : 0) ? 1 : 0;
    }
    return { type: 'bool', length: n, values: out, nulls };
  }
  if (a.type === 'bool') {
    const q = (b as BoolColumn).values;
    for (let i = 0; i < n; i++) out[i] = test(operator, a.values[i] - q[i]) ? 1 : 0;
    return { type: 'bool', length: n, values: out, nulls };
  }
  const p = a.values as string[];
  const q = b.values as string[];
  for (let i = 0; i < n; i++) out[i] = test(operator, p[i] < q[i] ? -1 : p[i] > q[i] ? 1 : 0) ? 1 : 0;
  return { type: 'bool', length: n, values: out, nulls };
}

/** the operator with its sides swapped: `1 < x` is `x > 1` */
export const SWAPPED: Record<ComparisonOperator, ComparisonOperator> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * `a` compared with one number (a literal), as `compare(a, broadcast(value))` gives it but
 * without building the constant column; null when `a` is not held as doubles (the caller then
 * compares the general way).
 */
export function compareWithNumber(operator: ComparisonOperator, a: Column, value: number): BoolColumn | null {
  const x = a.values;
  if (!(x instanceof Float64Array)) return null;
  const n = a.length;
  const out = new Uint8Array(n);
  switch (operator) {
    case '=': for (let i = 0; i < n; i++) out[i] = x[i] === value ? 1 : 0; break;
    case '!=': for (let i = 0; i < n; i++) out[i] = x[i] !== value ? 1 : 0; break;
    case '<': for (let i = 0; i < n; i++) out[i] = x[i] < value ? 1 : 0; break;
    case '<=': for (let i = 0; i < n; i++) out[i] = x[i] <= value ? 1 : 0; break;
    case '>': for (let i = 0; i < n; i++) out[i] = x[i] > value ? 1 : 0; break;
    case '>=': for (let i = 0; i < n; i++) out[i] = x[i] >= value ? 1 : 0; break;
  }
  return { type: 'bool', length: n, values: out, nulls: a.nulls };
}

/** Three-valued AND / OR. */
export function logical(operator: 'and' | 'or', a: BoolColumn, b: BoolColumn): BoolColumn {
  const n = a.length;
  const out = new Uint8Array(n);
  const x = a.values;
  const y = b.values;
  const xn = a.nulls;
  const yn = b.nulls;
  if (xn === null && yn === null) {
    if (operator === 'and') for (let i = 0; i < n; i++) out[i] = x[i] & y[i];
    else for (let i = 0; i < n; i++) out[i] = x[i] | y[i];
    return { type: 'bool', length: n, values: out, nulls: null };
  }
  const nulls = new Uint8Array(n);
  const decisive = operator === 'and' ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const ln = xn !== null && xn[i] === 1;
    const rn = yn !== null && yn[i] === 1;
    if ((!ln && x[i] === decisive) || (!rn && y[i] === decisive)) out[i] = decisive;
    else if (ln || rn) nulls[i] = 1;
    else out[i] = 1 - decisive;
  }
  return { type: 'bool', length: n, values: out, nulls };
}

export function not(a: BoolColumn): BoolColumn {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = 1 - a.values[i];
  return { type: 'bool', length: a.length, values: out, nulls: a.nulls };
}

