/** The CSV parser's options, its dialect, and what it reports (shared by the readers and tests). */
import type { Dictionary, Int32, Utf8 } from 'apache-arrow';
import type { Field } from '../../../shared/sdk/index.js';

export interface CsvDialect {
  /** the delimiter byte, e.g. 44 for `,` */
  delimiter: number;
  /** the quote byte, e.g. 34 for `"`; -1 for none */
  quote: number;
}

/** a malformed file: the parse cannot go on */
export class CsvFormatError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  constructor(file: string, line: number, column: number, message: string) {
    super(`${file}: line ${line}, column ${column}: ${message}`);
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

export interface CsvParserOptions {
  file: string;
  fields: Field[];
  dialect: CsvDialect;
  /** rows per packet */
  batchRows: number;
  /** dictionary-encode string fields (decided per field after the first packet) */
  dictionaryStrings: boolean;
  /** 1-based line number of the first data row */
  firstLine: number;
  /** per field: dictionary-encode, decided beforehand (else the first packet decides) */
  fixedDictionary?: boolean[];
  /** the Dictionary type per field, shared by several parsers of one stream (else made here) */
  dictionaryTypes?: Dictionary<Utf8, Int32>[];
  /**
   * Reuse the column buffers for the next batch once a batch is finished (only with
   * `fixedDictionary`): each batch is then valid only until the next `parse`, so the caller copies
   * it first. The second parser thread does this, so it allocates next to nothing per batch.
   */
  reuseBuilders?: boolean;
}

export interface ConversionIssue {
  line: number;
  column: number;
  field: string;
  value: string;
  type: string;
}

/** values the read had to change (kept, but not as written): how many, and the first place */
export interface ValueChange {
  count: number;
  /** line (as the parser numbers them), field name and the text as written, of the first */
  line: number;
  field: string;
  value: string;
}

export interface ValueChanges {
  /** bytes that are not UTF-8, shown as U+FFFD wherever the text is read */
  invalidUtf8: ValueChange;
  /** integers a double cannot hold exactly (past 2^53; beyond int64 a field can only be double) */
  integerAsDouble: ValueChange;
  /** finite numbers too large for the field's type, read as ±Infinity */
  overflow: ValueChange;
}

export function noValueChanges(): ValueChanges {
  const none = (): ValueChange => ({ count: 0, line: 0, field: '', value: '' });
  return { invalidUtf8: none(), integerAsDouble: none(), overflow: none() };
}

/** `from`'s changes added to `into`, its lines shifted so that its line 1 is `line` */
export function addValueChanges(into: ValueChanges, from: ValueChanges, line: number): void {
  for (const kind of ['invalidUtf8', 'integerAsDouble', 'overflow'] as const) {
    const a = into[kind];
    const b = from[kind];
    if (b.count === 0) continue;
    if (a.count === 0) Object.assign(a, { line: b.line + line - 1, field: b.field, value: b.value });
    a.count += b.count;
  }
}
