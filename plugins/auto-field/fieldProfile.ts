/**
 * What the text of one string field could be stored as, built up value by value: the narrowest
 * type every non-empty value fits, tried in this order: bool (True/False, any case), byte, int16,
 * int32, int64 (whole numbers without leading zeros, which keep "007" text), double (decimal
 * numbers), date (YYYY-MM-DD), time (HH:MM:SS), datetime (YYYY-MM-DD HH:MM:SS, or dates mixed
 * with date-times), else text: string (Latin-1) or wstring, of the longest value's length, and
 * the variable-length v_string or v_wstring past 255 characters. Empty text counts as missing.
 */
import type { Field } from '../../shared/sdk/index.js';

const INTEGER = /^[-+]?(0|[1-9]\d*)$/;
const DECIMAL = /^[-+]?(0|[1-9]\d*)?(\.\d+)?([eE][-+]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const FIXED_LIMIT = 255;

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export class FieldProfile {
  private bool = true;
  private integer = true;
  private decimal = true;
  private date = true;
  private time = true;
  private datetime = true;
  private seen = 0;
  private min = 0n;
  private max = 0n;
  private longest = 0;
  private wide = false;

  add(text: string): void {
    if (text === '') return;
    this.seen++;
    const length = text.length;
    if (length > this.longest) this.longest = Math.max(this.longest, [...text].length);
    if (!this.wide) for (let i = 0; i < length; i++) if (text.charCodeAt(i) > 0xff) { this.wide = true; break; }
    if (this.bool && !/^(true|false)$/i.test(text)) this.bool = false;
    if (this.integer) {
      if (!INTEGER.test(text)) this.integer = false;
      else {
        const v = BigInt(text);
        if (v < INT64_MIN || v > INT64_MAX) this.integer = false;
        else if (this.seen === 1) { this.min = v; this.max = v; } else { if (v < this.min) this.min = v; if (v > this.max) this.max = v; }
      }
    }
    if (this.decimal && !(DECIMAL.test(text) && /\d/.test(text) && Number.isFinite(Number(text)))) this.decimal = false;
    const dateOnly = isDate(text);
    if (this.date && !dateOnly) this.date = false;
    if (this.time && !TIME.test(text)) this.time = false;
    if (this.datetime && !dateOnly) {
      const m = DATETIME.exec(text);
      if (!m || !isDate(m[1]) || !TIME.test(m[2])) this.datetime = false;
    }
  }

  /** the narrowest field for the values seen; `input` itself when there were none */
  field(input: Field): Field {
    const { description, source, name } = input;
    const keep = { name, ...(source !== undefined && { source }), ...(description !== undefined && { description }) };
    if (this.seen === 0) return { ...input };
    if (this.bool) return { ...keep, type: 'bool' };
    if (this.integer) {
      const { min, max } = this;
      const type = min >= 0n && max <= 255n ? 'byte' : min >= -32768n && max <= 32767n ? 'int16' : min >= -2147483648n && max <= 2147483647n ? 'int32' : 'int64';
      return { ...keep, type };
    }
    if (this.decimal) return { ...keep, type: 'double' };
    if (this.date) return { ...keep, type: 'date' };
    if (this.time) return { ...keep, type: 'time' };
    if (this.datetime) return { ...keep, type: 'datetime' };
    const variable = this.longest > FIXED_LIMIT;
    const type = this.wide ? (variable ? 'v_wstring' : 'wstring') : (variable ? 'v_string' : 'string');
    return { ...keep, type, size: Math.max(1, this.longest) };
  }
}
