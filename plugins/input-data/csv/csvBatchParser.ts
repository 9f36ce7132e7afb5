/**
 * The CSV byte parser: walks UTF-8 bytes once, splitting fields on the delimiter, quote and line
 * ends (LF, CRLF, CR), and converts each field straight into its column builder. A row cut by the
 * end of a chunk is rolled back and re-parsed when the next chunk arrives, so chunk boundaries
 * may fall anywhere, inside quotes included.
 */
import { Data, Dictionary, Field as ArrowField, Int32, RecordBatch, Schema, Struct, Utf8, makeData } from 'apache-arrow';
import type { Field } from '../../../shared/sdk/index.js';
import { ayxMetadataOf, isStringType } from '../../../shared/sdk/arrowTypes.js';
import { BoolColumn, DictionaryColumn, Int64Column, NumberColumn, TextColumn } from './csvColumns.js';
import {
  datetimeEnd, isDateField, isDecimalField, isNaNLiteral, latin1, parseBigIntField, parseBoolField, parseDoubleField, parseIntField, text, timeLength,
} from './csvFields.js';
import { validUtf8 } from '../../common/ioUtf8.js';
import { noteInvalidUtf8, noteNumber } from './csvValueChanges.js';
import {
  K_BLOB, K_BOOL, K_DATE, K_DATETIME, K_DECIMAL, K_DICT, K_FLOAT, K_INT, K_INT64, K_TEXT, K_TIME, kindOf, newColumnBuilder, type ColumnBuilder,
} from './csvFieldKinds.js';
import { appendSeconds, setDatetime } from './csvTimeText.js';
import { fastBool, fastDate, fastDatetime, fastDictionary, fastDouble, fastInt, fastInt64 } from './csvFastFields.js';

import type { ConversionIssue, CsvParserOptions, ValueChanges } from './csvParserTypes.js';
import { CsvFormatError, noValueChanges } from './csvParserTypes.js';

export { CsvFormatError } from './csvParserTypes.js';
export type { ConversionIssue, CsvDialect, CsvParserOptions, ValueChanges } from './csvParserTypes.js';

export class CsvBatchParser {
  readonly file: string;
  readonly fields: Field[];
  readonly batchRows: number;
  /** rows parsed into the current batch */
  rows = 0;
  /** line number of the next row */
  line: number;
  /** values that did not convert to their field's type (set to null) */
  issueCount = 0;
  readonly issues: ConversionIssue[] = [];
  /** rows with fewer fields than the header (missing ones set to null) */
  shortRows = 0;
  firstShortLine = 0;
  /** values kept but changed as read (invalid UTF-8, integers a double rounds, overflow to ±Infinity) */
  readonly changes: ValueChanges = noValueChanges();

  private readonly delim: number;
  private readonly quote: number;
  private readonly kinds: Int32Array;
  private readonly ncols: number;
  private builders: ColumnBuilder[] = [];
  /** per field: still dictionary-encoding (strings only) */
  private readonly dictionary: boolean[];
  private readonly dictionaryTypes: Dictionary<Utf8, Int32>[];
  private batchesDone = 0;
  private readonly decided: boolean;
  private scratch = new Uint8Array(1024);
  private bytesHint: number[];
  private readonly reuseBuilders: boolean;
  private resetPending = false;

  constructor(options: CsvParserOptions) {
    this.file = options.file;
    this.fields = options.fields;
    this.batchRows = options.batchRows;
    this.line = options.firstLine;
    this.delim = options.dialect.delimiter;
    this.quote = options.dialect.quote;
    this.ncols = options.fields.length;
    this.kinds = new Int32Array(this.ncols);
    this.dictionary = options.fields.map((f, c) => options.dictionaryStrings && isStringType(f.type) && (options.fixedDictionary?.[c] ?? true));
    this.decided = options.fixedDictionary !== undefined;
    this.reuseBuilders = this.decided && options.reuseBuilders === true;
    this.dictionaryTypes = options.dictionaryTypes ?? options.fields.map(() => new Dictionary(new Utf8(), new Int32()));
    this.bytesHint = options.fields.map(() => options.batchRows * 16);
    options.fields.forEach((f, c) => { this.kinds[c] = kindOf(f.type, this.dictionary[c]); });
    this.newBuilders();
  }

  private newBuilders(): void {
    this.builders = this.fields.map((f, c) => newColumnBuilder(f, this.kinds[c], this.batchRows, this.dictionaryTypes[c], this.bytesHint[c]));
  }

  /**
   * Starts another byte range at `firstLine` with no rows and no counts, keeping the column
   * buffers (only with `reuseBuilders`): the second parser thread parses all its ranges this way.
   */
  restart(firstLine: number): void {
    if (!this.reuseBuilders) throw new Error(`${this.file}: restarting a CSV parser needs reuseBuilders`);
    this.rows = 0;
    this.line = firstLine;
    this.issueCount = 0;
    this.issues.length = 0;
    this.shortRows = 0;
    this.firstShortLine = 0;
    Object.assign(this.changes, noValueChanges());
    this.resetPending = true;
  }

  get full(): boolean {
    return this.rows >= this.batchRows;
  }

  /**
   * Parses rows from `buf[pos, end)` until the batch is full or the bytes run out. Returns where
   * it stopped: the start of the first row not taken (a row cut by `end` is left for the next call
   * unless `eof`).
   */
  parse(buf: Uint8Array, pos: number, end: number, eof: boolean): number {
    const line = this.line;
    const stop = this.parseRows(buf, pos, end, eof);
    // the rows taken are whole, so their bytes end on a character boundary
    if (stop > pos && !validUtf8(buf.subarray(pos, stop))) noteInvalidUtf8(this.changes, this.fields, { delim: this.delim, quote: this.quote }, buf.subarray(pos, stop), line);
    return stop;
  }

  private parseRows(buf: Uint8Array, pos: number, end: number, eof: boolean): number {
    if (this.resetPending) {
      for (const builder of this.builders) builder.reset();
      this.resetPending = false;
    }
    const delim = this.delim;
    const quote = this.quote;
    const ncols = this.ncols;
    while (this.rows < this.batchRows && pos < end) {
      const rowStart = pos;
      const rowLine = this.line;
      let b = buf[pos];
      if (b === 10 || b === 13) { // a blank line
        if (b === 13) {
          if (pos + 1 >= end && !eof) return rowStart;
          if (buf[pos + 1] === 10) pos++;
        }
        pos++;
        this.line++;
        continue;
      }
      let c = 0;
      let cut = false;
      const issuesBefore = this.issueCount;
      const roundedBefore = this.changes.integerAsDouble.count;
      const overflowBefore = this.changes.overflow.count;
      for (;;) {
        let fs = pos;
        let fe: number;
        let quoted = false;
        let src = buf;
        if (pos < end && buf[pos] === quote) {
          quoted = true;
          pos++;
          fs = pos;
          let escaped = false;
          for (;;) {
            if (pos >= end) {
              if (!eof) { cut = true; break; }
              throw new CsvFormatError(this.file, rowLine, c + 1, 'a quoted field is not closed before the end of the file');
            }
            b = buf[pos];
            if (b === quote) {
              if (pos + 1 >= end && !eof) { cut = true; break; }
              if (pos + 1 < end && buf[pos + 1] === quote) { escaped = true; pos += 2; continue; }
              break;
            }
            if (b === 10) this.line++;
            pos++;
          }
          if (cut) break;
          fe = pos;
          pos++; // closing quote
          if (pos < end) {
            b = buf[pos];
            if (b !== delim && b !== 10 && b !== 13) {
              throw new CsvFormatError(this.file, this.line, c + 1, `unexpected character "${String.fromCharCode(b)}" after a closing quote`);
            }
          }
          if (escaped) {
            const len = this.unescape(buf, fs, fe, quote);
            src = this.scratch;
            fs = 0;
            fe = len;
          }
        } else {
          // the common case in one pass: convert while finding the field's end
          const stop = c < ncols ? this.storeFast(c, buf, pos, end) : -1;
          if (stop >= 0) {
            pos = stop;
            fe = -1;
          } else {
            while (pos < end) {
              b = buf[pos];
              if (b === delim || b === 10 || b === 13) break;
              pos++;
            }
            if (pos >= end && !eof) { cut = true; break; }
            fe = pos;
          }
        }
        if (fe >= 0) {
          if (c >= ncols) {
            throw new CsvFormatError(this.file, rowLine, c + 1, `too many fields: the header has ${ncols}`);
          }
          if (fe === fs && !quoted) this.setNull(c);
          else this.store(c, src, fs, fe, rowLine);
        }
        c++;
        if (pos >= end) break; // end of file ends the row
        b = buf[pos];
        if (b === delim) { pos++; continue; }
        if (b === 13) {
          if (pos + 1 >= end && !eof) { cut = true; break; }
          if (buf[pos + 1] === 10) pos++;
        }
        pos++;
        this.line++;
        break;
      }
      if (cut) {
        // the row is parsed again with the next bytes: forget what it reported so far
        this.line = rowLine;
        this.issueCount = issuesBefore;
        if (this.issues.length > issuesBefore) this.issues.length = issuesBefore;
        this.changes.integerAsDouble.count = roundedBefore;
        this.changes.overflow.count = overflowBefore;
        return rowStart;
      }
      if (c < ncols) {
        if (this.shortRows++ === 0) this.firstShortLine = rowLine;
        for (; c < ncols; c++) this.setNull(c);
      }
      this.rows++;
    }
    return pos;
  }

  /** an unquoted field read and stored in one pass (csvFastFields.ts); -1 when it needs the general path */
  private storeFast(c: number, buf: Uint8Array, s: number, end: number): number {
    const row = this.rows;
    switch (this.kinds[c]) {
      case K_INT: return fastInt(this.builders[c] as NumberColumn, row, buf, s, end, this.delim);
      case K_FLOAT: return fastDouble(this.builders[c] as NumberColumn, row, buf, s, end, this.delim);
      case K_INT64: return fastInt64(this.builders[c] as Int64Column, row, buf, s, end, this.delim);
      case K_BOOL: return fastBool(this.builders[c] as BoolColumn, row, buf, s, end, this.delim);
      case K_DICT: return fastDictionary(this.builders[c] as DictionaryColumn, row, buf, s, end, this.delim);
      case K_DATETIME: return fastDatetime(this.builders[c] as TextColumn, row, buf, s, end, this.delim);
      case K_DATE: return fastDate(this.builders[c] as TextColumn, row, buf, s, end, this.delim);
      default: return -1;
    }
  }

  private unescape(buf: Uint8Array, start: number, end: number, quote: number): number {
    if (this.scratch.length < end - start) this.scratch = new Uint8Array((end - start) * 2);
    const out = this.scratch;
    let n = 0;
    for (let i = start; i < end; i++) {
      out[n++] = buf[i];
      if (buf[i] === quote) i++;
    }
    return n;
  }

  private setNull(c: number): void {
    const b = this.builders[c];
    if (b instanceof TextColumn || b instanceof DictionaryColumn) b.setNull(this.rows);
    else b.valid[this.rows] = 0;
  }

  private store(c: number, buf: Uint8Array, s: number, e: number, line: number): void {
    const row = this.rows;
    switch (this.kinds[c]) {
      case K_INT: {
        const col = this.builders[c] as NumberColumn;
        const v = parseIntField(buf, s, e);
        if (v >= col.min && v <= col.max) { col.values[row] = v; col.valid[row] = 1; return; }
        break;
      }
      case K_FLOAT: {
        const col = this.builders[c] as NumberColumn;
        const v = parseDoubleField(buf, s, e);
        if (v === v || isNaNLiteral(buf, s, e)) {
          col.values[row] = v;
          col.valid[row] = 1;
          // the fast paths never get here: they take at most 15 digits and no exponent
          if (!(Math.abs(col.values[row]) < 9007199254740992)) noteNumber(this.changes, this.fields, c, col.values[row], latin1(buf, s, e).trim(), line);
          return;
        }
        break;
      }
      case K_INT64: {
        const col = this.builders[c] as Int64Column;
        const v = parseIntField(buf, s, e);
        if (v === v) { col.setSafe(row, v); return; }
        const big = parseBigIntField(buf, s, e);
        if (big !== null) { col.values[row] = big; col.valid[row] = 1; return; }
        break;
      }
      case K_BOOL: {
        const col = this.builders[c] as BoolColumn;
        const v = parseBoolField(buf, s, e);
        if (v >= 0) { col.values[row] = v; col.valid[row] = 1; return; }
        break;
      }
      case K_DICT:
        (this.builders[c] as DictionaryColumn).set(row, buf, s, e);
        return;
      case K_TEXT: case K_BLOB:
        (this.builders[c] as TextColumn).set(row, buf, s, e);
        return;
      case K_DATE:
        if (isDateField(buf, s, e)) { (this.builders[c] as TextColumn).set(row, buf, s, e); return; }
        break;
      case K_DATETIME: {
        const stop = datetimeEnd(buf, s, e);
        if (stop > 0) { setDatetime(this.builders[c] as TextColumn, row, buf, s, stop); return; }
        if (isDateField(buf, s, e)) { setDatetime(this.builders[c] as TextColumn, row, buf, s, s + 10); return; }
        break;
      }
      case K_TIME: {
        const len = timeLength(buf, s, e);
        if (len > 0) {
          const col = this.builders[c] as TextColumn;
          col.set(row, buf, s, e);
          if (len === 5) appendSeconds(col, row);
          return;
        }
        break;
      }
      case K_DECIMAL:
        if (isDecimalField(buf, s, e)) { (this.builders[c] as TextColumn).set(row, buf, s, e); return; }
        break;
    }
    this.setNull(c);
    this.issueCount++;
    if (this.issues.length < 10) {
      this.issues.push({ line, column: c + 1, field: this.fields[c].name, value: text(buf, s, e), type: this.fields[c].type });
    }
  }

  /** the rows parsed so far as one Arrow record batch; starts a new batch */
  finishBatch(): RecordBatch {
    const length = this.rows;
    const children: Data[] = [];
    const arrowFields: ArrowField[] = [];
    this.fields.forEach((f, c) => {
      const builder = this.builders[c];
      let data: Data;
      if (builder instanceof DictionaryColumn) {
        // The first packet decides: values that hardly repeat are cheaper as plain Utf8.
        if (this.batchesDone === 0 && !this.decided && builder.count > Math.max(64, length / 4)) {
          data = builder.finishPlain(length);
          this.dictionary[c] = false;
          this.kinds[c] = K_TEXT;
        } else data = builder.finish(length);
      } else {
        data = builder.finish(length);
        if (builder instanceof TextColumn) this.bytesHint[c] = Math.max(1024, Math.ceil(builder.bytes(length) * 1.1));
      }
      children.push(data);
      arrowFields.push(new ArrowField(f.name, data.type, true, ayxMetadataOf(f)));
    });
    const schema = new Schema(arrowFields);
    const batch = new RecordBatch(schema, makeData({ type: new Struct(arrowFields), length, nullCount: 0, children }));
    this.batchesDone++;
    this.rows = 0;
    // reused buffers are reset when the next batch starts: the batch just made still reads them
    if (this.reuseBuilders) this.resetPending = true;
    else this.newBuilders();
    return batch;
  }
}
