/**
 * Sorting buffered packets in memory, and the sorted runs of an external sort: a run on disk is a
 * file of length-prefixed Arrow IPC streams (one per chunk of rows, written as the run is produced,
 * read back one chunk at a time), so a merge holds only one chunk per run in memory.
 */
import fs from 'node:fs';
import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import type { Metadata, Records } from '../../shared/sdk/index.js';
import { concatColumns, gather, readColumn, type ColumnValues } from '../common/transformColumns.js';
import { sortedIndices } from '../common/transformCompare.js';
import type { ResolvedKey } from './sortConfig.js';
import { dataRecord } from '../../shared/ownValue.js';

export type Columns = Record<string, ColumnValues>;

/** the rows of `tables`, sorted by `keys` (stable) */
export function sortTables(tables: readonly Table[], metadata: Metadata, keys: readonly ResolvedKey[]): { columns: Columns; length: number } {
  const length = tables.reduce((n, t) => n + t.numRows, 0);
  const all: Columns = dataRecord();
  for (const field of metadata.fields) all[field.name] = concatColumns(tables.map((t) => readColumn(t, field.name)));
  if (tables.length === 0) for (const field of metadata.fields) all[field.name] = [];
  const order = sortedIndices(length, keys.map((k) => ({ values: all[k.field], descending: k.descending, nullsFirst: k.nullsFirst })));
  const columns: Columns = dataRecord();
  for (const field of metadata.fields) columns[field.name] = gather(all[field.name], order);
  return { columns, length };
}

/** rough bytes held by an Arrow table's buffers, for the memory budget */
export function tableBytes(table: Table): number {
  let bytes = 0;
  for (const column of table.schema.fields) {
    for (const data of table.getChild(column.name)?.data ?? []) {
      const d = data as { values?: ArrayBufferView; valueOffsets?: ArrayBufferView; nullBitmap?: ArrayBufferView };
      bytes += (d.values?.byteLength ?? 0) + (d.valueOffsets?.byteLength ?? 0) + (d.nullBitmap?.byteLength ?? 0);
    }
  }
  return bytes;
}

export const RUN_CHUNK_ROWS = 32_768;

/** writes sorted columns as a run file */
export function writeRun(file: string, records: Records, metadata: Metadata, columns: Columns, length: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    for (let start = 0; start < length; start += RUN_CHUNK_ROWS) {
      const end = Math.min(length, start + RUN_CHUNK_ROWS);
      const slice: Record<string, ArrayLike<unknown>> = dataRecord();
      for (const field of metadata.fields) {
        const values = columns[field.name];
        slice[field.name] = Array.isArray(values) ? values.slice(start, end) : values.slice(start, end);
      }
      const packet = records.fromColumns(metadata, slice as Parameters<Records['fromColumns']>[1]);
      const bytes = tableToIPC(packet.table as Table, 'stream');
      const header = new Uint8Array(4);
      new DataView(header.buffer).setUint32(0, bytes.byteLength, true);
      fs.writeSync(fd, header);
      fs.writeSync(fd, bytes);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** one sorted run being merged: the current chunk's columns and a row position in it */
export interface RunCursor {
  columns: Columns;
  row: number;
  /** moves to the next row; false when the run is exhausted */
  advance(): boolean;
  close(): void;
}

export class MemoryRun implements RunCursor {
  row = 0;
  constructor(readonly columns: Columns, private readonly length: number) {}
  advance(): boolean {
    return ++this.row < this.length;
  }
  close(): void {}
}

export class FileRun implements RunCursor {
  columns: Columns = dataRecord();
  row = 0;
  private length = 0;
  private position = 0;
  private readonly fd: number;

  constructor(private readonly file: string, private readonly metadata: Metadata) {
    this.fd = fs.openSync(file, 'r');
  }

  /** loads the first chunk; false for an empty run */
  start(): boolean {
    return this.loadChunk();
  }

  private loadChunk(): boolean {
    const header = new Uint8Array(4);
    if (fs.readSync(this.fd, header, 0, 4, this.position) < 4) return false;
    const size = new DataView(header.buffer).getUint32(0, true);
    const bytes = new Uint8Array(size);
    fs.readSync(this.fd, bytes, 0, size, this.position + 4);
    this.position += 4 + size;
    const table = tableFromIPC(bytes);
    this.columns = dataRecord();
    for (const field of this.metadata.fields) this.columns[field.name] = readColumn(table, field.name);
    this.length = table.numRows;
    this.row = 0;
    return this.length > 0 || this.loadChunk();
  }

  advance(): boolean {
    if (++this.row < this.length) return true;
    return this.loadChunk();
  }

  close(): void {
    fs.closeSync(this.fd);
    fs.rmSync(this.file, { force: true });
  }
}
