/**
 * Column builders the CSV parser writes field bytes into: typed buffers plus a validity byte per
 * row, finished into Arrow `Data` per packet. No per-row objects; strings are copied as UTF-8
 * bytes (never decoded to JS strings), optionally dictionary-encoded.
 *
 * Each `set*` writes row `row`; rows past the last completed row are simply overwritten, which
 * is how the parser rolls back a row cut by the end of a chunk.
 */
import { Binary, Bool, Data, Dictionary, Float32, Float64, Int16, Int32, Int64, Uint8, Utf8, makeData, makeVector } from 'apache-arrow';

/** how many of the first `length` validity bytes are 0; all-valid runs are checked four bytes at a time */
function countNulls(valid: Uint8Array, length: number): number {
  let nullCount = 0;
  let i = 0;
  if ((valid.byteOffset & 3) === 0) {
    const words = new Uint32Array(valid.buffer, valid.byteOffset, length >> 2);
    for (let w = 0; w < words.length; w++) {
      if (words[w] === 0x01010101) continue;
      const at = w << 2;
      for (let k = at; k < at + 4; k++) if (valid[k] === 0) nullCount++;
    }
    i = words.length << 2;
  }
  for (; i < length; i++) if (valid[i] === 0) nullCount++;
  return nullCount;
}

export function packValidity(valid: Uint8Array, length: number): { bitmap: Uint8Array | undefined; nullCount: number } {
  const nullCount = countNulls(valid, length);
  if (nullCount === 0) return { bitmap: undefined, nullCount };
  const bitmap = new Uint8Array((length + 7) >> 3);
  for (let i = 0; i < length; i++) if (valid[i] !== 0) bitmap[i >> 3] |= 1 << (i & 7);
  return { bitmap, nullCount };
}

export type NumberKind = 'byte' | 'int16' | 'int32' | 'float' | 'double';

/** byte, int16, int32, float and double columns */
export class NumberColumn {
  readonly kind: NumberKind;
  values: Uint8Array | Int16Array | Int32Array | Float32Array | Float64Array;
  valid: Uint8Array;
  readonly min: number;
  readonly max: number;

  constructor(kind: NumberKind, capacity: number) {
    this.kind = kind;
    this.valid = new Uint8Array(capacity);
    switch (kind) {
      case 'byte': this.values = new Uint8Array(capacity); this.min = 0; this.max = 255; break;
      case 'int16': this.values = new Int16Array(capacity); this.min = -32768; this.max = 32767; break;
      case 'int32': this.values = new Int32Array(capacity); this.min = -2147483648; this.max = 2147483647; break;
      case 'float': this.values = new Float32Array(capacity); this.min = -Infinity; this.max = Infinity; break;
      default: this.values = new Float64Array(capacity); this.min = -Infinity; this.max = Infinity;
    }
  }

  /** ready for a new batch in the same buffers (a null row's value is 0, as in new buffers) */
  reset(): void {
    this.values.fill(0);
  }

  finish(length: number): Data {
    const { bitmap, nullCount } = packValidity(this.valid, length);
    const data = this.values.subarray(0, length);
    switch (this.kind) {
      case 'byte': return makeData({ type: new Uint8(), length, nullCount, nullBitmap: bitmap, data: data as Uint8Array });
      case 'int16': return makeData({ type: new Int16(), length, nullCount, nullBitmap: bitmap, data: data as Int16Array });
      case 'int32': return makeData({ type: new Int32(), length, nullCount, nullBitmap: bitmap, data: data as Int32Array });
      case 'float': return makeData({ type: new Float32(), length, nullCount, nullBitmap: bitmap, data: data as Float32Array });
      default: return makeData({ type: new Float64(), length, nullCount, nullBitmap: bitmap, data: data as Float64Array });
    }
  }
}

/** int64: written as two little-endian 32-bit halves when the value is a safe integer */
export class Int64Column {
  readonly values: BigInt64Array;
  readonly halves: Int32Array;
  readonly valid: Uint8Array;

  constructor(capacity: number) {
    this.values = new BigInt64Array(capacity);
    this.halves = new Int32Array(this.values.buffer);
    this.valid = new Uint8Array(capacity);
  }

  setSafe(row: number, v: number): void {
    this.halves[row * 2] = v >>> 0;
    this.halves[row * 2 + 1] = Math.floor(v / 4294967296);
    this.valid[row] = 1;
  }

  reset(): void {
    this.halves.fill(0);
  }

  finish(length: number): Data {
    const { bitmap, nullCount } = packValidity(this.valid, length);
    return makeData({ type: new Int64(), length, nullCount, nullBitmap: bitmap, data: this.values.subarray(0, length) });
  }
}

export class BoolColumn {
  readonly values: Uint8Array;
  readonly valid: Uint8Array;

  constructor(capacity: number) {
    this.values = new Uint8Array(capacity);
    this.valid = new Uint8Array(capacity);
  }

  reset(): void {
    this.values.fill(0);
  }

  finish(length: number): Data {
    const { bitmap, nullCount } = packValidity(this.valid, length);
    const bits = new Uint8Array((length + 7) >> 3);
    const v = this.values;
    // values are 0 or 1: eight rows make one byte
    const whole = length >> 3;
    for (let b = 0; b < whole; b++) {
      const o = b << 3;
      bits[b] = v[o] | (v[o + 1] << 1) | (v[o + 2] << 2) | (v[o + 3] << 3) | (v[o + 4] << 4) | (v[o + 5] << 5) | (v[o + 6] << 6) | (v[o + 7] << 7);
    }
    for (let i = whole << 3; i < length; i++) if (v[i] !== 0) bits[i >> 3] |= 1 << (i & 7);
    return makeData({ type: new Bool(), length, nullCount, nullBitmap: bitmap, data: bits });
  }
}

/** Utf8 (or Binary) bytes with offsets */
export class TextColumn {
  offsets: Int32Array;
  data: Uint8Array;
  valid: Uint8Array;
  readonly binary: boolean;

  constructor(capacity: number, bytesHint: number, binary = false) {
    this.offsets = new Int32Array(capacity + 1);
    this.data = new Uint8Array(Math.max(1024, bytesHint));
    this.valid = new Uint8Array(capacity);
    this.binary = binary;
  }

  /** room for `extra` more bytes after row `row`'s start; returns the write position */
  reserve(row: number, extra: number): number {
    const at = this.offsets[row];
    if (at + extra > this.data.length) {
      let size = this.data.length * 2;
      while (size < at + extra) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.data.subarray(0, at));
      this.data = grown;
    }
    return at;
  }

  set(row: number, buf: Uint8Array, start: number, end: number): void {
    const len = end - start;
    let at = this.reserve(row, len);
    const data = this.data;
    if (len < 32) for (let i = start; i < end; i++) data[at++] = buf[i];
    else { data.set(buf.subarray(start, end), at); at += len; }
    this.offsets[row + 1] = at;
    this.valid[row] = 1;
  }

  setNull(row: number): void {
    this.offsets[row + 1] = this.offsets[row];
    this.valid[row] = 0;
  }

  /** every row writes its end offset and validity, so the buffers are reused as they are */
  reset(): void {}

  /** bytes used so far by `length` rows */
  bytes(length: number): number {
    return this.offsets[length];
  }

  finish(length: number): Data {
    const { bitmap, nullCount } = packValidity(this.valid, length);
    const valueOffsets = this.offsets.subarray(0, length + 1);
    const data = this.data.subarray(0, this.offsets[length]);
    if (this.binary) return makeData({ type: new Binary(), length, nullCount, nullBitmap: bitmap, valueOffsets, data });
    return makeData({ type: new Utf8(), length, nullCount, nullBitmap: bitmap, valueOffsets, data });
  }
}

/** Dictionary<Utf8, Int32>: equal byte strings share one dictionary entry (per packet) */
export class DictionaryColumn {
  readonly indices: Int32Array;
  readonly valid: Uint8Array;
  private entries: TextColumn;
  private hashes: Int32Array;
  private table: Int32Array;
  private mask: number;
  count = 0;
  readonly type: Dictionary<Utf8, Int32>;

  constructor(capacity: number, type: Dictionary<Utf8, Int32>) {
    this.indices = new Int32Array(capacity);
    this.valid = new Uint8Array(capacity);
    this.entries = new TextColumn(256, 4096);
    this.hashes = new Int32Array(256);
    this.table = new Int32Array(1024);
    this.mask = 1023;
    this.type = type;
  }

  set(row: number, buf: Uint8Array, start: number, end: number): void {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    this.setHashed(row, h, buf, start, end);
  }

  /** `set` with the bytes' FNV-1a hash already computed (the parser hashes while it scans) */
  setHashed(row: number, h: number, buf: Uint8Array, start: number, end: number): void {
    const table = this.table;
    let slot = h & this.mask;
    for (;;) {
      const id = table[slot] - 1;
      if (id < 0) break;
      if (this.hashes[id] === h && this.equals(id, buf, start, end)) {
        this.indices[row] = id;
        this.valid[row] = 1;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    const id = this.count++;
    this.addEntry(id, h, buf, start, end);
    table[slot] = id + 1;
    if (this.count * 2 > this.mask) this.rehash();
    this.indices[row] = id;
    this.valid[row] = 1;
  }

  setNull(row: number): void {
    this.indices[row] = 0;
    this.valid[row] = 0;
  }

  /** a new batch starts a new dictionary, in the same buffers */
  reset(): void {
    this.table.fill(0);
    this.count = 0;
  }

  private equals(id: number, buf: Uint8Array, start: number, end: number): boolean {
    const offsets = this.entries.offsets;
    const s = offsets[id];
    if (offsets[id + 1] - s !== end - start) return false;
    const data = this.entries.data;
    for (let i = start, j = s; i < end; i++, j++) if (data[j] !== buf[i]) return false;
    return true;
  }

  private addEntry(id: number, hash: number, buf: Uint8Array, start: number, end: number): void {
    if (id + 1 >= this.entries.offsets.length) {
      const offsets = new Int32Array(this.entries.offsets.length * 2);
      offsets.set(this.entries.offsets);
      this.entries.offsets = offsets;
      const valid = new Uint8Array(this.entries.valid.length * 2);
      this.entries.valid = valid;
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.entries.set(id, buf, start, end);
    this.hashes[id] = hash;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes[id] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.table = table;
    this.mask = mask;
  }

  finish(length: number): Data {
    const { bitmap, nullCount } = packValidity(this.valid, length);
    const dictionary = makeVector(this.entries.finish(this.count) as Data<Utf8>);
    return makeData({ type: this.type, length, nullCount, nullBitmap: bitmap, data: this.indices.subarray(0, length), dictionary });
  }

  /** the same rows as a plain Utf8 column (for a column whose values turned out not to repeat) */
  finishPlain(length: number): Data {
    const offsets = this.entries.offsets;
    const dict = this.entries.data;
    let bytes = 0;
    for (let i = 0; i < length; i++) if (this.valid[i]) bytes += offsets[this.indices[i] + 1] - offsets[this.indices[i]];
    const text = new TextColumn(length, bytes);
    for (let i = 0; i < length; i++) {
      if (this.valid[i]) text.set(i, dict, offsets[this.indices[i]], offsets[this.indices[i] + 1]);
      else text.setNull(i);
    }
    return text.finish(length);
  }
}
