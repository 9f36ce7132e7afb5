/**
 * JSON numbers read without silent changes. JSON.parse turns an integer past 2^53 into the nearest
 * double and 1e999 into Infinity without a word. A text that may hold such a number (16 or more
 * digits in a row, or an exponent of three digits) is parsed by lossless-json instead: integers
 * past 2^53 become exact bigint values (an int64 field), and what still changes (an integer
 * beyond int64, read as double; an overflow to ±Infinity) is counted, with its first line, for a
 * warning.
 */
import { parse } from 'lossless-json';

const SUSPECT = /\d{16}|\d[eE][+-]?\d{3}/;
const INTEGER = /^-?\d+$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

interface Change {
  count: number;
  first: string;
}

export class JsonNumberReader {
  private readonly changes = new Map<string, Change>();

  constructor(private readonly file: string) {}

  /** the value of `text`; `where` names its place ("line 12", "element [3]") for the warnings */
  parse(text: string, where: () => string): unknown {
    if (!SUSPECT.test(text)) return JSON.parse(text);
    return parse(text, null, (digits) => this.number(digits, where));
  }

  private number(digits: string, where: () => string): number | bigint {
    const value = Number(digits);
    if (INTEGER.test(digits) && !Number.isSafeInteger(value)) {
      const exact = BigInt(digits);
      if (exact >= INT64_MIN && exact <= INT64_MAX) return exact;
      this.note('integer(s) beyond the int64 range were read as double, keeping about 15 significant digits', where, digits);
      return value;
    }
    if (!Number.isFinite(value)) this.note('number(s) too large for a double were read as Infinity', where, digits);
    return value;
  }

  private note(what: string, where: () => string, digits: string): void {
    const change = this.changes.get(what);
    if (change) change.count++;
    else this.changes.set(what, { count: 1, first: `${where()}: ${digits.length > 40 ? `${digits.slice(0, 40)}…` : digits}` });
  }

  warnings(): string[] {
    return [...this.changes].map(([what, c]) => `${this.file}: ${c.count} ${what} (first at ${c.first}); quote them and set the field's type to keep them as text`);
  }
}
