/**
 * Values fitted to a field's declared size, as Alteryx stores them: text longer than a text
 * field's `size` (in characters) is cut to that size, with a warning; a fixeddecimal is written
 * with `scale` digits after the point, and one whose text is longer than `size` (digits, point and
 * sign) does not fit and becomes null, with a warning.
 */
import type { Field, RecordValue } from '../../shared/sdk/index.js';
import { isStringType } from './transformTypes.js';

export interface FittedValues {
  values: ArrayLike<RecordValue>;
  /** text values cut to the field's size */
  truncated: number;
  /** fixeddecimal values longer than the field's size, now null */
  overflowed: number;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** the first `size` characters (code points) of `text`, or null when it is not longer */
function cut(text: string, size: number): string | null {
  if (text.length <= size) return null;
  if (!SURROGATE.test(text)) return text.slice(0, size);
  const chars = [...text];
  return chars.length <= size ? null : chars.slice(0, size).join('');
}

/** the fixeddecimal text of a value with `scale` decimals, or null when it is not a number */
export function fixedDecimalText(value: RecordValue, scale: number): string | null {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value.trim()) : typeof value === 'number' ? value : NaN;
  if (!Number.isFinite(n)) return null;
  const text = n.toFixed(Math.max(0, Math.min(100, scale)));
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** `values` of a column written to `field`, fitted to its size (the same array when nothing changes) */
export function fitToField(values: ArrayLike<RecordValue>, field: Field): FittedValues {
  const size = field.size;
  if (isStringType(field.type) && size !== undefined && size > 0) {
    let out: RecordValue[] | null = null;
    let truncated = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== 'string') continue;
      const short = cut(v, size);
      if (short === null) continue;
      out ??= Array.from(values);
      out[i] = short;
      truncated++;
    }
    return { values: out ?? values, truncated, overflowed: 0 };
  }
  if (field.type === 'fixeddecimal') {
    const out: RecordValue[] = new Array(values.length);
    let overflowed = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const text = v === null || v === undefined ? null : fixedDecimalText(v, field.scale ?? 0);
      if (text !== null && size !== undefined && size > 0 && text.length > size) {
        out[i] = null;
        overflowed++;
      } else out[i] = text;
    }
    return { values: out, truncated: 0, overflowed };
  }
  return { values, truncated: 0, overflowed: 0 };
}

/** how a field's size reads in messages: `v_string(10)`, `fixeddecimal(7.2)` */
export function sizedType(field: Field): string {
  if (field.type === 'fixeddecimal') return `fixeddecimal(${field.size ?? ''}${field.scale !== undefined ? `.${field.scale}` : ''})`;
  return field.size !== undefined ? `${field.type}(${field.size})` : field.type;
}
