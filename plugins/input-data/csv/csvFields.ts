/**
 * Field conversions straight from UTF-8 bytes: integers, doubles, booleans and ISO dates/times,
 * without making a JS string on the fast path. Each returns a sentinel on failure so the caller
 * can report the place.
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

export function latin1(buf: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]);
  return s;
}

const utf8 = new TextDecoder('utf-8');
export function text(buf: Uint8Array, start: number, end: number): string {
  return utf8.decode(buf.subarray(start, end));
}

/** an integer of at most 15 digits, else NaN (the caller falls back to `parseBigIntField`) */
export function parseIntField(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let neg = false;
  const first = buf[i];
  if (first === 45 /* - */) { neg = true; i++; } else if (first === 43 /* + */) i++;
  if (i === end || end - i > 15) return slowInt(buf, start, end);
  let v = 0;
  for (; i < end; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return slowInt(buf, start, end);
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

function slowInt(buf: Uint8Array, start: number, end: number): number {
  const s = latin1(buf, start, end).trim();
  if (!/^[+-]?\d+$/.test(s)) return NaN;
  const v = Number(s);
  return Number.isSafeInteger(v) ? v : NaN;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** an int64 of any size as bigint, or null when not an integer in range */
export function parseBigIntField(buf: Uint8Array, start: number, end: number): bigint | null {
  const s = latin1(buf, start, end).trim();
  if (!/^[+-]?\d+$/.test(s)) return null;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

/**
 * A decimal number. Fast path: at most 15 significant digits and a power-of-ten scale of at most
 * 22, where one division or multiplication of two exact doubles is correctly rounded (Clinger);
 * anything else goes through `Number()`.
 */
export function parseDoubleField(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let neg = false;
  const first = buf[i];
  if (first === 45) { neg = true; i++; } else if (first === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let any = false;
  for (; i < end; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    if (mantissa !== 0) digits++;
    any = true;
  }
  if (i < end && buf[i] === 46 /* . */) {
    i++;
    for (; i < end; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      if (mantissa !== 0) digits++;
      scale++;
      any = true;
    }
  }
  if (!any) return slowDouble(buf, start, end);
  if (i < end) {
    const e = buf[i];
    if (e !== 101 && e !== 69) return slowDouble(buf, start, end);
    i++;
    let eneg = false;
    if (buf[i] === 45) { eneg = true; i++; } else if (buf[i] === 43) i++;
    if (i === end) return NaN;
    let exp = 0;
    for (; i < end; i++) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9 || exp > 1000) return slowDouble(buf, start, end);
      exp = exp * 10 + d;
    }
    scale -= eneg ? -exp : exp;
  }
  if (digits > 15 || scale > 22 || scale < -22) return slowDouble(buf, start, end);
  const v = scale >= 0 ? mantissa / POW10[scale] : mantissa * POW10[-scale];
  return neg ? -v : v;
}

function slowDouble(buf: Uint8Array, start: number, end: number): number {
  const s = latin1(buf, start, end).trim();
  if (s === 'NaN') return NaN;
  if (s === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?Infinity$/.test(s)) return Number.NaN;
  return Number(s);
}

/** explicit check for a NaN literal, so a failed parse and a "NaN" cell can be told apart */
export function isNaNLiteral(buf: Uint8Array, start: number, end: number): boolean {
  return latin1(buf, start, end).trim() === 'NaN';
}

/** 1 true, 0 false, -1 not a boolean. Accepts true/false, t/f, yes/no, y/n, 1/0 in any case. */
export function parseBoolField(buf: Uint8Array, start: number, end: number): number {
  const len = end - start;
  const c = buf[start] | 0x20;
  if (len === 4 && c === 116 && (buf[start + 1] | 0x20) === 114 && (buf[start + 2] | 0x20) === 117 && (buf[start + 3] | 0x20) === 101) return 1;
  if (len === 5 && c === 102 && (buf[start + 1] | 0x20) === 97 && (buf[start + 2] | 0x20) === 108 && (buf[start + 3] | 0x20) === 115 && (buf[start + 4] | 0x20) === 101) return 0;
  const s = latin1(buf, start, end).trim().toLowerCase();
  if (s === 'true' || s === 't' || s === 'yes' || s === 'y' || s === '1') return 1;
  if (s === 'false' || s === 'f' || s === 'no' || s === 'n' || s === '0') return 0;
  return -1;
}

function isDigit(b: number): boolean {
  return b >= 48 && b <= 57;
}

/** YYYY-MM-DD at `start` */
export function isDateAt(buf: Uint8Array, start: number): boolean {
  return isDigit(buf[start]) && isDigit(buf[start + 1]) && isDigit(buf[start + 2]) && isDigit(buf[start + 3]) &&
    buf[start + 4] === 45 && isDigit(buf[start + 5]) && isDigit(buf[start + 6]) && buf[start + 7] === 45 &&
    isDigit(buf[start + 8]) && isDigit(buf[start + 9]) &&
    (buf[start + 5] - 48) * 10 + buf[start + 6] - 48 >= 1 && (buf[start + 5] - 48) * 10 + buf[start + 6] - 48 <= 12 &&
    (buf[start + 8] - 48) * 10 + buf[start + 9] - 48 >= 1 && (buf[start + 8] - 48) * 10 + buf[start + 9] - 48 <= 31;
}

/** HH:MM or HH:MM:SS with an optional fraction at `start`, ending at `end`; returns the time's length or -1 */
export function timeLength(buf: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len < 5 || !isDigit(buf[start]) || !isDigit(buf[start + 1]) || buf[start + 2] !== 58 || !isDigit(buf[start + 3]) || !isDigit(buf[start + 4])) return -1;
  if ((buf[start] - 48) * 10 + buf[start + 1] - 48 > 23 || buf[start + 3] > 53) return -1;
  if (len === 5) return 5;
  if (len < 8 || buf[start + 5] !== 58 || !isDigit(buf[start + 6]) || !isDigit(buf[start + 7]) || buf[start + 6] > 53) return -1;
  if (len === 8) return 8;
  if (buf[start + 8] !== 46 || len === 9) return -1;
  for (let i = start + 9; i < end; i++) if (!isDigit(buf[i])) return -1;
  return len;
}

export function isDateField(buf: Uint8Array, start: number, end: number): boolean {
  return end - start === 10 && isDateAt(buf, start);
}

/**
 * Where a date-time's time part starts (after `T` or a space), or -1. A trailing `Z` is allowed
 * and dropped (`datetimeEnd`): Weft date-times carry no zone.
 */
export function datetimeEnd(buf: Uint8Array, start: number, end: number): number {
  if (end - start < 16 || !isDateAt(buf, start)) return -1;
  const sep = buf[start + 10];
  if (sep !== 84 && sep !== 32) return -1;
  let stop = end;
  if (buf[stop - 1] === 90 /* Z */) stop--;
  return timeLength(buf, start + 11, stop) < 0 ? -1 : stop;
}

export function isDecimalField(buf: Uint8Array, start: number, end: number): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(latin1(buf, start, end));
}
