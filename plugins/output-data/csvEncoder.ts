/**
 * CSV text of record batches, written as UTF-8 bytes straight from the Arrow buffers: string
 * bytes are copied (never decoded), dictionary entries are rendered once per packet, numbers go
 * through `String()`. A cell is quoted when it is empty text (so it differs from null), holds the
 * delimiter, a quote or a line break, or starts/ends with white space; quotes inside are doubled.
 */
import { Type, type Data, type RecordBatch } from 'apache-arrow';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const utf8 = new TextEncoder();
const decoder = new TextDecoder();

/** the CSV cell of one text value, as the slow path and for dictionary entries */
export function csvCellText(s: string, delimiter: string): string {
  if (s === '' || s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || s.trim() !== s) {
    return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/** a growable output buffer */
class ByteSink {
  bytes = new Uint8Array(1 << 20);
  at = 0;

  room(extra: number): void {
    if (this.at + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  /** an ASCII string (numbers, true/false) */
  ascii(s: string): void {
    this.room(s.length);
    const b = this.bytes;
    let at = this.at;
    for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
    this.at = at;
  }

  raw(src: Uint8Array): void {
    this.room(src.length);
    this.bytes.set(src, this.at);
    this.at += src.length;
  }

  byte(b: number): void {
    this.room(1);
    this.bytes[this.at++] = b;
  }

  /** a safe integer's decimal digits (as `String` writes them), without making a string */
  int(n: number): void {
    this.room(24);
    const b = this.bytes;
    if (n < 0) { b[this.at++] = 45; n = -n; }
    if (n < 10) { b[this.at++] = 48 + n; return; }
    let digits = 0;
    for (let m = n; m >= 1; m = Math.floor(m / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    while (n >= 1) {
      const q = Math.floor(n / 10);
      b[--at] = 48 + (n - q * 10);
      n = q;
    }
  }

  /**
   * A double as `String(v)` writes it. Fast path for values with at most two decimals: when
   * k = round(v·100) gives k/100 === v exactly (IEEE division is correctly rounded), v is the
   * double nearest to the decimal k/100, and below 1e13 no other decimal of as few digits lies
   * within half an ulp, so that decimal is the shortest round trip `String` prints.
   */
  double(v: number): void {
    const k = Math.round(v * 100);
    if (k / 100 !== v || !(v < 1e13 && v > -1e13) || (v === 0 && 1 / v < 0)) { this.ascii(String(v)); return; }
    if (k < 0) this.byte(45);
    const a = Math.abs(k);
    const whole = Math.floor(a / 100);
    const cents = a - whole * 100;
    this.int(whole);
    if (cents === 0) return;
    this.room(3);
    const b = this.bytes;
    b[this.at++] = 46;
    b[this.at++] = 48 + Math.floor(cents / 10);
    if (cents % 10 !== 0) b[this.at++] = 48 + (cents % 10);
  }
}

type CellWriter = (row: number, out: ByteSink) => void;

function validity(data: Data): (row: number) => boolean {
  if (data.nullCount === 0 || !data.nullBitmap || data.nullBitmap.length === 0) return () => true;
  const bits = data.nullBitmap;
  const off = data.offset;
  return (row) => {
    const j = off + row;
    return (bits[j >> 3] & (1 << (j & 7))) !== 0;
  };
}

/** white space at either end, as `String.prototype.trim` sees it (non-ASCII ends decoded to check) */
function edgeSpace(bytes: Uint8Array, s: number, e: number): boolean {
  const first = bytes[s];
  const last = bytes[e - 1];
  if (first <= 32 || last <= 32) return isTrimmed(bytes, s, e);
  if (first < 0x80 && last < 0x80) return false;
  return isTrimmed(bytes, s, e);
}

function isTrimmed(bytes: Uint8Array, s: number, e: number): boolean {
  const text = decoder.decode(bytes.subarray(s, e));
  return text.trim() !== text;
}

function textCells(data: Data, delimiter: number): CellWriter {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const valid = validity(data);
  return (row, out) => {
    if (!valid(row)) return;
    const s = offsets[row];
    const e = offsets[row + 1];
    let quote = s === e || edgeSpace(bytes, s, e);
    if (!quote) {
      for (let i = s; i < e; i++) {
        const b = bytes[i];
        if (b === delimiter || b === QUOTE || b === LF || b === CR) { quote = true; break; }
      }
    }
    if (!quote) {
      out.room(e - s);
      const dst = out.bytes;
      let at = out.at;
      for (let i = s; i < e; i++) dst[at++] = bytes[i];
      out.at = at;
      return;
    }
    out.room(2 * (e - s) + 2);
    const dst = out.bytes;
    let at = out.at;
    dst[at++] = QUOTE;
    for (let i = s; i < e; i++) {
      const b = bytes[i];
      dst[at++] = b;
      if (b === QUOTE) dst[at++] = QUOTE;
    }
    dst[at++] = QUOTE;
    out.at = at;
  };
}

function dictionaryCells(data: Data, delimiter: string): CellWriter {
  const dictionary = data.dictionary!;
  const entries: Uint8Array[] = [];
  for (let i = 0; i < dictionary.length; i++) {
    const v = dictionary.get(i) as string | null;
    entries.push(utf8.encode(v === null ? '' : csvCellText(v, delimiter)));
  }
  const indices = data.values as Int32Array;
  const valid = validity(data);
  return (row, out) => {
    if (valid(row)) out.raw(entries[indices[row]]);
  };
}

function numberCells(data: Data): CellWriter {
  const values = data.values as Float64Array | Float32Array | Int32Array | Int16Array | Uint8Array | BigInt64Array;
  const valid = validity(data);
  if (values instanceof Float64Array) return (row, out) => { if (valid(row)) out.double(values[row]); };
  if (values instanceof Int32Array || values instanceof Int16Array || values instanceof Uint8Array) {
    return (row, out) => { if (valid(row)) out.int(values[row]); };
  }
  return (row, out) => {
    if (valid(row)) out.ascii(String(values[row]));
  };
}

function boolCells(data: Data): CellWriter {
  const bits = data.values as Uint8Array;
  const off = data.offset;
  const valid = validity(data);
  return (row, out) => {
    if (!valid(row)) return;
    const j = off + row;
    out.ascii((bits[j >> 3] & (1 << (j & 7))) !== 0 ? 'true' : 'false');
  };
}

function binaryCells(data: Data, delimiter: string): CellWriter {
  const offsets = data.valueOffsets as Int32Array;
  const bytes = data.values as Uint8Array;
  const valid = validity(data);
  return (row, out) => {
    if (!valid(row)) return;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + offsets[row], offsets[row + 1] - offsets[row]).toString('base64');
    out.ascii(csvCellText(text, delimiter));
  };
}

function cellsOf(data: Data, delimiter: string): CellWriter {
  switch (data.typeId) {
    case Type.Dictionary: return dictionaryCells(data, delimiter);
    // a multi-byte delimiter: any value holding its first byte is quoted (quoting more is harmless)
    case Type.Utf8: return textCells(data, utf8.encode(delimiter)[0]);
    case Type.Binary: return binaryCells(data, delimiter);
    case Type.Bool: return boolCells(data);
    case Type.Int: case Type.Float: return numberCells(data);
    default: throw new Error(`cannot write an Arrow ${String(data.type)} column as CSV`);
  }
}

/** Turns record batches into CSV bytes. */
export class CsvEncoder {
  private readonly delimiter: string;
  private readonly sink = new ByteSink();

  constructor(delimiter: string) {
    this.delimiter = delimiter;
  }

  /** the header line */
  header(names: readonly string[]): Uint8Array {
    return utf8.encode(names.map((n) => csvCellText(n, this.delimiter)).join(this.delimiter) + '\n');
  }

  /** the lines of `batch`; the returned view is valid until the next call */
  encode(batch: RecordBatch): Uint8Array {
    const cells = batch.data.children.map((d) => cellsOf(d, this.delimiter));
    const out = this.sink;
    out.at = 0;
    const separator = utf8.encode(this.delimiter);
    const d = separator.length === 1 ? separator[0] : -1;
    const n = batch.numRows;
    const last = cells.length - 1;
    for (let r = 0; r < n; r++) {
      for (let c = 0; c <= last; c++) {
        cells[c](r, out);
        if (c === last) out.byte(LF);
        else if (d >= 0) out.byte(d);
        else out.raw(separator);
      }
    }
    return out.bytes.subarray(0, out.at);
  }
}
