/**
 * One writer per output format, each writing to an open file (the tool's temp file) packet by
 * packet. CSV, NDJSON, JSON, Arrow IPC and Excel stream; Parquet keeps the batches (as compact
 * Arrow) until finish, since parquet-wasm writes a file in one call.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { RecordBatch, RecordBatchFileWriter, Table, tableToIPC } from 'apache-arrow';
import type ExcelJS from 'exceljs';
import type { Metadata } from '../../shared/sdk/index.js';
import { plainBatch } from '../common/ioPlainBatch.js';
import { CsvEncoder } from './csvEncoder.js';

export type OutputFormat = 'csv' | 'tsv' | 'ndjson' | 'json' | 'parquet' | 'xlsx' | 'arrow';

export interface FormatWriter {
  write(batch: RecordBatch): Promise<void>;
  finish(): Promise<void>;
  /** stops without finishing (the temp file is removed by the caller) */
  abort(): Promise<void>;
}

export interface WriterOptions {
  delimiter: string;
  sheet: string;
}

type Cell = unknown;

/** a column's values as JS values: int64 stays bigint, blob bytes */
function columnValues(batch: RecordBatch, i: number): Cell[] {
  const vector = batch.getChildAt(i)!;
  const out = new Array<Cell>(vector.length);
  for (let r = 0; r < vector.length; r++) out[r] = vector.get(r);
  return out;
}

class FileSink {
  readonly fd: number;
  private pending: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'wx');
  }
  text(s: string): void {
    this.pending.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.pending.length) writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
  bytes(b: Uint8Array): void {
    this.flush();
    writeSync(this.fd, b);
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

class CsvWriter implements FormatWriter {
  private readonly sink: FileSink;
  private readonly encoder: CsvEncoder;
  constructor(path: string, metadata: Metadata, delimiter: string) {
    this.sink = new FileSink(path);
    this.encoder = new CsvEncoder(delimiter);
    this.sink.bytes(this.encoder.header(metadata.fields.map((f) => f.name)));
  }
  async write(batch: RecordBatch): Promise<void> {
    this.sink.bytes(this.encoder.encode(batch));
  }
  async finish(): Promise<void> { this.sink.close(); }
  async abort(): Promise<void> { try { closeSync(this.sink.fd); } catch { /* closed */ } }
}

function jsonValue(v: Cell): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Uint8Array) return JSON.stringify(Buffer.from(v).toString('base64'));
  return JSON.stringify(String(v));
}

class JsonWriter implements FormatWriter {
  private readonly sink: FileSink;
  private readonly keys: string[];
  private readonly array: boolean;
  private first = true;
  constructor(path: string, metadata: Metadata, array: boolean) {
    this.sink = new FileSink(path);
    this.keys = metadata.fields.map((f) => JSON.stringify(f.name) + ':');
    this.array = array;
    if (array) this.sink.text('[');
  }
  async write(batch: RecordBatch): Promise<void> {
    const cols = batch.schema.fields.map((_f, i) => columnValues(batch, i));
    for (let r = 0; r < batch.numRows; r++) {
      let line = '{';
      for (let c = 0; c < cols.length; c++) line += (c ? ',' : '') + this.keys[c] + jsonValue(cols[c][r]);
      line += '}';
      if (this.array) { this.sink.text((this.first ? '\n' : ',\n') + line); this.first = false; } else this.sink.text(line + '\n');
    }
  }
  async finish(): Promise<void> {
    if (this.array) this.sink.text(this.first ? ']\n' : '\n]\n');
    this.sink.close();
  }
  async abort(): Promise<void> { try { closeSync(this.sink.fd); } catch { /* closed */ } }
}

class ArrowWriter implements FormatWriter {
  private readonly writer = new RecordBatchFileWriter();
  private readonly fd: number;
  private readonly pump: Promise<void>;
  constructor(path: string) {
    const fd = openSync(path, 'wx');
    const writer = this.writer;
    this.fd = fd;
    this.pump = (async () => { for await (const chunk of writer) writeSync(fd, chunk); })();
  }
  async write(batch: RecordBatch): Promise<void> {
    this.writer.write(plainBatch(batch));
  }
  async finish(): Promise<void> {
    this.writer.finish();
    await this.pump;
    closeSync(this.fd);
  }
  async abort(): Promise<void> {
    this.writer.abort();
    await this.pump.catch(() => undefined);
    try { closeSync(this.fd); } catch { /* closed */ }
  }
}

type ParquetModule = typeof import('parquet-wasm');

class ParquetWriter implements FormatWriter {
  private readonly path: string;
  private readonly batches: RecordBatch[] = [];
  private readonly metadata: Metadata;
  constructor(path: string, metadata: Metadata) {
    this.path = path;
    this.metadata = metadata;
    closeSync(openSync(path, 'wx'));
  }
  async write(batch: RecordBatch): Promise<void> {
    this.batches.push(plainBatch(batch));
  }
  async finish(): Promise<void> {
    const pq = createRequire(import.meta.url)('parquet-wasm') as ParquetModule;
    const fd = openSync(this.path, 'w');
    try {
      if (this.batches.length === 0) {
        // an empty file still carries the fields
        const { arrowSchemaOf } = await import('../../shared/sdk/arrowTypes.js');
        const empty = new Table(arrowSchemaOf(this.metadata));
        writeSync(fd, pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(empty, 'stream'))));
      } else {
        const table = new Table(this.batches);
        this.batches.length = 0;
        writeSync(fd, pq.writeParquet(pq.Table.fromIPCStream(tableToIPC(table, 'stream'))));
      }
    } finally {
      closeSync(fd);
    }
  }
  async abort(): Promise<void> { this.batches.length = 0; }
}

class XlsxWriter implements FormatWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly metadata: Metadata;
  constructor(path: string, metadata: Metadata, sheet: string) {
    closeSync(openSync(path, 'wx'));
    this.metadata = metadata;
    // loaded on first use: exceljs costs ~0.5 s of CPU to import, too much for every Output Data tool
    const excel = createRequire(import.meta.url)('exceljs') as typeof ExcelJS;
    this.workbook = new excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(sheet || 'Sheet1');
    this.sheet.columns = metadata.fields.map((f) => ({
      header: f.name, key: f.name,
      style: f.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : f.type === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {},
    }));
  }
  async write(batch: RecordBatch): Promise<void> {
    const types = this.metadata.fields.map((f) => f.type);
    const cols = batch.schema.fields.map((_f, i) => columnValues(batch, i));
    for (let r = 0; r < batch.numRows; r++) {
      const row = cols.map((col, c) => {
        const v = col[r];
        if (v === null || v === undefined) return null;
        if (types[c] === 'date') return new Date(`${String(v)}T00:00:00Z`);
        if (types[c] === 'datetime') return new Date(`${String(v).replace(' ', 'T')}Z`);
        if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
        if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
        return v as string | number | boolean;
      });
      this.sheet.addRow(row).commit();
    }
  }
  async finish(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
  async abort(): Promise<void> {
    await this.workbook.commit().catch(() => undefined);
  }
}

export function createWriter(format: OutputFormat, path: string, metadata: Metadata, options: WriterOptions): FormatWriter {
  switch (format) {
    case 'csv': return new CsvWriter(path, metadata, options.delimiter);
    case 'tsv': return new CsvWriter(path, metadata, '\t');
    case 'ndjson': return new JsonWriter(path, metadata, false);
    case 'json': return new JsonWriter(path, metadata, true);
    case 'arrow': return new ArrowWriter(path);
    case 'parquet': return new ParquetWriter(path, metadata);
    case 'xlsx': return new XlsxWriter(path, metadata, options.sheet);
  }
}

