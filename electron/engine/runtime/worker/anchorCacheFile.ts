/**
 * Writes one output anchor's packets to its anchor-cache file as they stream (the Arrow IPC
 * stream format, one record batch per packet: not the file format, which cannot hold a dictionary
 * a tool replaces between packets, as Input Data does). Writes are synchronous: a packet's buffers are transferred to the
 * consumer right after, so its bytes must be in the file (the OS's page cache) before `write()`
 * returns. Past the budget, or when the tool skips rows, the file is given up and removed: the
 * anchor is then not kept, and a message tells the user why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AsyncByteQueue, RecordBatch, RecordBatchStreamWriter, type Schema, type Table } from 'apache-arrow';
import type { Metadata } from '../../../../shared/metadata.js';
import { anchorFileName } from '../anchorCache/cacheEntry.js';
import { arrowSchemaOf } from '../../../../shared/sdk/arrowTypes.js';
import type { FullToolJob } from '../protocol.js';

/** the writer's sink: every chunk goes straight to the file descriptor */
class FileSink extends AsyncByteQueue {
  bytes = 0;

  constructor(private readonly fd: number) {
    super();
  }

  override write(value: Uint8Array): void {
    let offset = 0;
    while (offset < value.byteLength) offset += fs.writeSync(this.fd, value, offset, value.byteLength - offset);
    this.bytes += value.byteLength;
  }
}

export type AnchorCacheOutcome = { bytes: number } | { skipped: string };

export class AnchorCacheFile {
  private fd: number | null;
  private readonly sink: FileSink;
  private readonly writer = new RecordBatchStreamWriter();
  /** the schema of the first packet: every batch is written under it (the writer closes itself on a schema change) */
  private schema: Schema | null = null;
  private skippedBecause: string | null = null;

  constructor(private readonly file: string, private readonly budgetBytes: number, private readonly anchor: string, private readonly notify: (text: string) => void) {
    this.fd = fs.openSync(file, 'w');
    this.sink = new FileSink(this.fd);
  }

  /** the file still takes rows */
  get active(): boolean {
    return this.skippedBecause === null;
  }

  write(table: Table): void {
    if (this.skippedBecause !== null) return;
    try {
      if (this.schema === null) {
        this.schema = table.schema;
        this.writer.reset(this.sink, this.schema);
      }
      for (const batch of table.batches) {
        if (batch.schema === this.schema) this.writer.write(batch);
        else if (sameTypes(batch.schema, this.schema)) this.writer.write(new RecordBatch(this.schema, batch.data));
        else return this.skip('its packets changed their column types');
      }
    } catch (error) {
      this.skip(`it could not be written (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    if (this.sink.bytes > this.budgetBytes) {
      this.skip(`its rows passed the cache budget of ${formatBytes(this.budgetBytes)} (set a larger budget to keep them)`);
    }
  }

  /** the tool counted rows without writing them: the file cannot hold the anchor */
  rowsSkipped(): void {
    this.skip('the tool skipped rows that no connection reads');
  }

  close(metadata: Metadata | null): AnchorCacheOutcome {
    if (this.skippedBecause !== null) return { skipped: this.skippedBecause };
    try {
      if (this.schema === null && metadata) this.writer.reset(this.sink, arrowSchemaOf(metadata));
      this.writer.finish();
      this.release();
      return { bytes: this.sink.bytes };
    } catch (error) {
      this.skip(`it could not be written (${error instanceof Error ? error.message : String(error)})`);
      return { skipped: this.skippedBecause! };
    }
  }

  /** the run of this tool ended without closing the anchor: drop the file */
  abandon(): void {
    this.release();
    fs.rmSync(this.file, { force: true });
  }

  private skip(reason: string): void {
    if (this.skippedBecause !== null) return;
    this.skippedBecause = reason;
    this.abandon();
    this.notify(`output '${this.anchor}' is not kept in the cache: ${reason}; its rows cannot be browsed in full, and a changed tool reading it makes this tool run again`);
  }

  private release(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    fs.closeSync(fd);
  }
}

/** one file per output anchor when the job keeps its rows (nulls otherwise, or when the folder cannot be made) */
export function anchorCacheFiles(job: FullToolJob, notify: (text: string) => void): Array<AnchorCacheFile | null> {
  const cache = job.cache;
  if (!cache) return job.outputs.map(() => null);
  try {
    fs.mkdirSync(cache.dir, { recursive: true });
    return job.outputs.map((o, i) => new AnchorCacheFile(path.join(cache.dir, anchorFileName(i)), cache.budgetBytes, o.anchor, notify));
  } catch (error) {
    notify(`the outputs of this tool are not kept in the cache: ${error instanceof Error ? error.message : String(error)}`);
    return job.outputs.map(() => null);
  }
}

function sameTypes(a: Schema, b: Schema): boolean {
  return a.fields.length === b.fields.length && a.fields.every((f, i) => f.name === b.fields[i].name && String(f.type) === String(b.fields[i].type));
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
