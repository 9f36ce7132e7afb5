/**
 * One-pass field readers for the CSV parser's common case: an unquoted field that converts
 * cleanly. Each reads the field's bytes once, converting while it looks for the end of the field
 * (the delimiter or a line end), and stores the value. Anything else (a quote, an empty field, a
 * value that needs the full rules, a value that does not convert, a field cut by the end of the
 * bytes) returns -1 with nothing stored, and the parser takes its general path, which gives the
 * same values, reports and errors as before. On success they return where the field ends (the
 * delimiter or line end, always before `end`).
 */
import type { BoolColumn, DictionaryColumn, Int64Column, NumberColumn, TextColumn } from './csvColumns.js';
import { isDateAt } from './csvFields.js';

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

function ends(b: number, delim: number): boolean {
  return b === delim || b === 10 || b === 13;
}

/** digits with an optional `-`, at most 15 of them (what `parseIntField` reads without its slow path) */
function integerEnd(buf: Uint8Array, s: number, end: number, delim: number): number {
  let i = s;
  if (buf[i] === 45) i++;
  const digits = i;
  while (i < end) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    i++;
  }
  if (i >= end || i === digits || i - digits > 15 || !ends(buf[i], delim)) return -1;
  return i;
}

function integerValue(buf: Uint8Array, s: number, stop: number): number {
  let i = s;
  const neg = buf[i] === 45;
  if (neg) i++;
  let v = 0;
  for (; i < stop; i++) v = v * 10 + (buf[i] - 48);
  return neg ? -v : v;
}

export function fastInt(col: NumberColumn, row: number, buf: Uint8Array, s: number, end: number, delim: number): number {
  const stop = integerEnd(buf, s, end, delim);
  if (stop < 0) return -1;
  const v = integerValue(buf, s, stop);
  if (v < col.min || v > col.max) return -1;
  col.values[row] = v;
  col.valid[row] = 1;
  return stop;
}

export function fastInt64(col: Int64Column, row: number, buf: Uint8Array, s: number, end: number, delim: number): number {
  const stop = integerEnd(buf, s, end, delim);
  if (stop < 0) return -1;
  col.setSafe(row, integerValue(buf, s, stop));
  return stop;
}

/**
 * `-?digits[.digits]` with at most 15 significant digits: exactly `parseDoubleField`'s fast path
 * (one correctly rounded division by a power of ten), without exponents.
 */
export function fastDouble(col: NumberColumn, row: number, buf: Uint8Array, s: number, end: number, delim: number): number {
  let i = s;
  const neg = buf[i] === 45;
  if (neg) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  const first = i;
  for (; i < end; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    if (mantissa !== 0) digits++;
  }
  let any = i > first;
  if (i < end && buf[i] === 46) {
    i++;
    const fraction = i;
    for (; i < end; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      if (mantissa !== 0) digits++;
    }
    scale = i - fraction;
    any = any || scale > 0;
  }
  if (i >= end || !any || digits > 15 || scale > 22 || !ends(buf[i], delim)) return -1;
  const v = mantissa / POW10[scale];
  col.values[row] = neg ? -v : v;
  col.valid[row] = 1;
  return i;
}

/** `true` / `false` in any case */
export function fastBool(col: BoolColumn, row: number, buf: Uint8Array, s: number, end: number, delim: number): number {
  const c = buf[s] | 0x20;
  let v: number;
  let stop: number;
  if (c === 116 && s + 4 < end && (buf[s + 1] | 0x20) === 114 && (buf[s + 2] | 0x20) === 117 && (buf[s + 3] | 0x20) === 101) {
    v = 1;
    stop = s + 4;
  } else if (c === 102 && s + 5 < end && (buf[s + 1] | 0x20) === 97 && (buf[s + 2] | 0x20) === 108 && (buf[s + 3] | 0x20) === 115 && (buf[s + 4] | 0x20) === 101) {
    v = 0;
    stop = s + 5;
  } else return -1;
  if (!ends(buf[stop], delim)) return -1;
  col.values[row] = v;
  col.valid[row] = 1;
  return stop;
}

/** a string field of a dictionary column, hashed while its end is found */
export function fastDictionary(col: DictionaryColumn, row: number, buf: Uint8Array, s: number, end: number, delim: number): number {
  let h = 0x811c9dc5 | 0;
  let i = s;
  for (; i < end; i++) {
    const b = buf[i];
    if (b === delim || b === 10 || b === 13) break;
    h = Math.imul(h ^ b, 0x01000193);
  }
  if (i >= end || i === s) return -1;
  col.setHashed(row, h, buf, s, i);
  return i;
}

function twoDigits(buf: Uint8Array, at: number): number {
  const a = buf[at] - 48;
  const b = buf[at + 1] - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `YYYY-MM-DD HH:MM:SS` or with `T`: stored with a space, as the general path does */
export function fastDatetime(col: TextColumn, row: number, buf: Uint8Array, s: number, end: number, delim: number): number {
  const stop = s + 19;
  if (stop >= end || !ends(buf[stop], delim)) return -1;
  const sep = buf[s + 10];
  if ((sep !== 32 && sep !== 84) || !isDateAt(buf, s) || buf[s + 13] !== 58 || buf[s + 16] !== 58) return -1;
  const hh = twoDigits(buf, s + 11);
  const mm = twoDigits(buf, s + 14);
  const ss = twoDigits(buf, s + 17);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return -1;
  let at = col.reserve(row, 19);
  const data = col.data;
  for (let i = s; i < stop; i++) data[at++] = buf[i];
  data[at - 9] = 32;
  col.offsets[row + 1] = at;
  col.valid[row] = 1;
  return stop;
}

/** `YYYY-MM-DD` */
export function fastDate(col: TextColumn, row: number, buf: Uint8Array, s: number, end: number, delim: number): number {
  const stop = s + 10;
  if (stop >= end || !ends(buf[stop], delim) || !isDateAt(buf, s)) return -1;
  col.set(row, buf, s, stop);
  return stop;
}
