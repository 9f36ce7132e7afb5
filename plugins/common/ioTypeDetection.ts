/**
 * Detects a field's type from sampled text values (CSV) or JSON values (NDJSON, JSON, Excel):
 * bool, int32, int64, double, date, datetime, else a string type.
 */
import type { FieldType } from '../../shared/metadata.js';

const INT = /^[+-]?(0|[1-9]\d*)$/;
const NUMBER = /^[+-]?((0|[1-9]\d*)(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATETIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?Z?$/;
const BOOL = /^(true|false)$/i;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** what the values seen so far allow; narrowest first */
export class TypeDetector {
  private bool = true;
  private int32 = true;
  private int64 = true;
  private double = true;
  private date = true;
  private datetime = true;
  private seen = 0;

  /** a text value (null/undefined: missing, says nothing) */
  addText(value: string | null | undefined): void {
    if (value === null || value === undefined) return;
    const v = value.trim();
    if (v === '') return;
    this.seen++;
    if (this.bool && !BOOL.test(v)) this.bool = false;
    if (this.int64 || this.int32) {
      if (!INT.test(v)) { this.int32 = false; this.int64 = false; } else {
        const n = BigInt(v);
        if (n < -2147483648n || n > 2147483647n) this.int32 = false;
        if (n < INT64_MIN || n > INT64_MAX) this.int64 = false;
      }
    }
    if (this.double && !NUMBER.test(v)) this.double = false;
    if (this.date && !DATE.test(v)) this.date = false;
    if (this.datetime && !DATETIME.test(v) && !DATE.test(v)) this.datetime = false;
  }

  /** a JSON-ish value: numbers and booleans by their kind, strings by their text */
  addValue(value: unknown): void {
    if (value === null || value === undefined) return;
    if (typeof value === 'string') { this.addText(value); return; }
    this.seen++;
    this.date = false;
    if (!(value instanceof Date)) this.datetime = false;
    if (typeof value === 'boolean') { this.int32 = this.int64 = this.double = false; return; }
    this.bool = false;
    if (typeof value === 'bigint') {
      this.int32 = this.int32 && value >= -2147483648n && value <= 2147483647n;
      this.int64 = this.int64 && value >= INT64_MIN && value <= INT64_MAX;
      return;
    }
    if (typeof value === 'number') {
      if (!Number.isInteger(value)) { this.int32 = this.int64 = false; return; }
      if (value < -2147483648 || value > 2147483647) this.int32 = false;
      if (!Number.isSafeInteger(value)) this.int64 = false;
      return;
    }
    if (value instanceof Date) {
      this.int32 = this.int64 = this.double = false;
      this.datetime = this.datetime && !Number.isNaN(value.getTime());
      return;
    }
    this.int32 = this.int64 = this.double = false;
  }

  /** the detected type; `text` is the string type used when nothing narrower fits */
  type(text: FieldType = 'v_wstring'): FieldType {
    if (this.seen === 0) return text;
    if (this.bool) return 'bool';
    if (this.int32) return 'int32';
    if (this.int64) return 'int64';
    if (this.double) return 'double';
    if (this.date) return 'date';
    if (this.datetime) return 'datetime';
    return text;
  }
}
