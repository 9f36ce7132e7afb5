/**
 * NDJSON (one object per line, streamed) and JSON arrays of objects (the whole file is parsed at
 * once when read: JSON.parse has no streaming form; use NDJSON for large data). Field names are
 * the keys of the first 1000 objects, in order of first appearance. Integers beyond 2^53 stay
 * exact (int64, see jsonNumbers.ts); what cannot (beyond int64, overflow to Infinity, invalid
 * UTF-8 replaced by U+FFFD) is counted and warned about with its first line.
 */
import { ownValue } from '../../../shared/ownValue.js';
import { openRegularFile } from '../../common/ioRegularFile.js';
import { firstInvalidUtf8, invalidUtf8Count, validUtf8 } from '../../common/ioUtf8.js';
import { readHeadSync } from '../csv/csvReader.js';
import { JsonNumberReader } from './jsonNumbers.js';
import { RecordSource, keysInOrder } from './recordSource.js';
import type { RecordStream } from './recordSource.js';
import type { InputOptions } from './source.js';

const HEAD_BYTES = 1 << 20;
/** how far the sample reads to find the first complete record; a longer first record is an error */
export const MAX_FIRST_RECORD_BYTES = 64 << 20;

/**
 * The file's head as text: 1 MB, or up to MAX_FIRST_RECORD_BYTES while `complete` finds no whole
 * record in it (a first record over 1 MB used to give "no fields" and an empty, successful read).
 */
function sampleText(input: InputOptions, complete: (text: string, eof: boolean) => boolean): { text: string; eof: boolean } {
  for (let bytes = HEAD_BYTES; ; bytes *= 4) {
    const { head, eof } = readHeadSync(input.path, Math.min(bytes, MAX_FIRST_RECORD_BYTES));
    const text = Buffer.from(head.buffer, head.byteOffset, head.length).toString('utf8');
    if (eof || complete(text, eof)) return { text, eof };
    if (bytes >= MAX_FIRST_RECORD_BYTES) {
      throw new Error(`${input.file}: the first record is longer than ${MAX_FIRST_RECORD_BYTES >> 20} MB; the fields cannot be detected from it`);
    }
  }
}

function asObject(value: unknown, file: string, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${file}: ${where}: expected a JSON object, found ${Array.isArray(value) ? 'an array' : String(JSON.stringify(value)).slice(0, 40)}`);
  }
  return value as Record<string, unknown>;
}

function parseLine(text: string, file: string, line: number, numbers: JsonNumberReader): Record<string, unknown> {
  let value: unknown;
  try { value = numbers.parse(text, () => `line ${line}`); } catch (error) {
    throw new Error(`${file}: line ${line}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return asObject(value, file, `line ${line}`);
}

abstract class ObjectStream implements RecordStream {
  protected order: string[] = [];
  protected readonly input: InputOptions;
  /** numbers of the full read (the sample's are read again then) */
  protected numbers: JsonNumberReader;
  constructor(input: InputOptions) {
    this.input = input;
    this.numbers = new JsonNumberReader(input.file);
  }

  /** invalid UTF-8 sequences replaced by U+FFFD, and the line of the first */
  protected replaced = 0;
  protected firstReplaced = 0;

  warnings(): string[] {
    const out = this.numbers.warnings();
    if (this.replaced > 0) out.push(`${this.input.file}: ${this.replaced} byte sequence(s) that are not valid UTF-8 were replaced by U+FFFD (first at line ${this.firstReplaced})`);
    return out;
  }

  protected abstract sampleObjects(limit: number): Record<string, unknown>[];
  protected abstract objects(): AsyncGenerator<Record<string, unknown>>;
  abstract progress(): number;

  names(): string[] {
    return this.order;
  }

  sample(limit: number): unknown[][] {
    const objects = this.sampleObjects(limit);
    this.order = keysInOrder(objects);
    return objects.map((o) => this.order.map((k) => ownValue(o, k)));
  }

  async *records(): AsyncGenerator<unknown[]> {
    for await (const o of this.objects()) yield this.order.map((k) => ownValue(o, k));
  }
}

/** how many newlines come before `offset` (the line of a chunk's byte, counted from the chunk's first) */
function linesBefore(bytes: Uint8Array, offset: number): number {
  let count = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) count++;
  return count;
}

class NdjsonStream extends ObjectStream {
  private size = 0;
  private read = 0;

  protected sampleObjects(limit: number): Record<string, unknown>[] {
    // a whole non-blank line is a record
    const { text, eof } = sampleText(this.input, (t) => t.slice(0, Math.max(0, t.lastIndexOf('\n'))).trim() !== '');
    const lines = text.split('\n');
    if (!eof) lines.pop();
    const out: Record<string, unknown>[] = [];
    for (let i = 0; i < lines.length && out.length < limit; i++) {
      const s = lines[i].trim();
      if (s !== '') out.push(parseLine(s, this.input.file, i + 1, new JsonNumberReader(this.input.file)));
    }
    return out;
  }

  protected async *objects(): AsyncGenerator<Record<string, unknown>> {
    const { handle: fh, size } = await openRegularFile(this.input.path, this.input.file);
    try {
      this.size = size;
      this.read = 0;
      const decoder = new TextDecoder('utf-8');
      this.numbers = new JsonNumberReader(this.input.file);
      this.replaced = 0;
      let carry = '';
      let line = 0;
      const buf = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, this.read);
        this.read += bytesRead;
        const decoded = decoder.decode(buf.subarray(0, bytesRead), { stream: bytesRead > 0 });
        const invalid = decoded.includes('\uFFFD') ? invalidUtf8Count(buf.subarray(0, bytesRead), decoded) : 0;
        const text = carry + decoded;
        const lines = text.split('\n');
        carry = bytesRead === 0 ? '' : lines.pop()!;
        if (invalid > 0) {
          if (this.replaced === 0) this.firstReplaced = line + 1 + linesBefore(buf.subarray(0, bytesRead), Math.max(0, firstInvalidUtf8(buf.subarray(0, bytesRead))));
          this.replaced += invalid;
        }
        for (const raw of lines) {
          line++;
          const s = raw.trim();
          if (s !== '') yield parseLine(s, this.input.file, line, this.numbers);
        }
        if (bytesRead === 0) return;
      }
    } finally {
      await fh.close();
    }
  }

  progress(): number {
    return this.size ? this.read / this.size : 1;
  }
}

/** the text of the first `limit` top-level elements of a JSON array, closed with `]` */
export function jsonArrayPrefix(text: string, limit: number): string {
  let depth = 0;
  let inString = false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 1 && ++count >= limit) return text.slice(0, i + 1) + ']';
      if (depth === 0) return text.slice(0, i + 1);
    } else if (ch === ',' && depth === 1) {
      // a scalar element ended; counted when its closing bracket never comes
    }
  }
  // cut mid-element: keep the complete ones
  const last = text.lastIndexOf('},');
  return last > 0 ? text.slice(0, last + 1) + ']' : '[]';
}

class JsonArrayStream extends ObjectStream {
  private done = false;

  private parse(text: string, numbers: JsonNumberReader): unknown[] {
    if (text.trim() === '') return [];
    let value: unknown;
    try { value = numbers.parse(text, () => 'the array'); } catch (error) {
      throw new Error(`${this.input.file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!Array.isArray(value)) throw new Error(`${this.input.file}: expected a JSON array of objects at the top level`);
    return value;
  }

  protected sampleObjects(limit: number): Record<string, unknown>[] {
    const { text, eof } = sampleText(this.input, (t) => jsonArrayPrefix(t, limit) !== '[]');
    const array = this.parse(eof ? text : jsonArrayPrefix(text, limit), new JsonNumberReader(this.input.file));
    return array.slice(0, limit).map((v, i) => asObject(v, this.input.file, `element [${i}]`));
  }

  protected async *objects(): AsyncGenerator<Record<string, unknown>> {
    const { handle } = await openRegularFile(this.input.path, this.input.file);
    let bytes: Buffer;
    try { bytes = await handle.readFile(); } finally { await handle.close(); }
    const text = bytes.toString('utf8');
    if (!validUtf8(bytes)) {
      this.replaced = invalidUtf8Count(bytes, text);
      this.firstReplaced = 1 + linesBefore(bytes, Math.max(0, firstInvalidUtf8(bytes)));
    }
    this.numbers = new JsonNumberReader(this.input.file);
    const array = this.parse(text, this.numbers);
    for (let i = 0; i < array.length; i++) yield asObject(array[i], this.input.file, `element [${i}]`);
    this.done = true;
  }

  progress(): number {
    return this.done ? 1 : 0;
  }
}

export function ndjsonSource(input: InputOptions): RecordSource {
  return new RecordSource(input, new NdjsonStream(input));
}

export function jsonArraySource(input: InputOptions): RecordSource {
  return new RecordSource(input, new JsonArrayStream(input));
}
