/**
 * Parquet (parquet-wasm, one row group at a time from a file Blob, so a large file is never read
 * whole) and Arrow IPC files or streams (apache-arrow's async reader over the file). Both produce
 * foreign Arrow batches that `normalizeBatch` turns into Weft storage.
 */
import { closeSync, openAsBlob, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { RecordBatch, RecordBatchReader, tableFromIPC } from 'apache-arrow';
import type { Schema } from 'apache-arrow';
import type { Field } from '../../../shared/sdk/index.js';
import { normalizeBatch, weftFieldsOf } from '../../common/ioArrowNormalize.js';
import type { ForeignField } from '../../common/ioArrowNormalize.js';
import { openRegularFile, openRegularFileSync } from '../../common/ioRegularFile.js';
import type { ConversionFailure } from '../../common/ioValues.js';
import { recordBatchMetadataProblem } from './arrowMessageCheck.js';
import { describeFailures } from './source.js';
import type { InputOptions, Source } from './source.js';

abstract class ArrowishSource implements Source {
  protected readonly input: InputOptions;
  protected foreign: ForeignField[] | null = null;
  private readonly failures: ConversionFailure[] = [];
  private failureCount = 0;

  constructor(input: InputOptions) {
    this.input = input;
  }

  protected abstract schema(): Schema;
  protected abstract rawBatches(onProgress?: (fraction: number) => void): AsyncGenerator<RecordBatch>;

  fields(): Field[] {
    this.foreign ??= weftFieldsOf(this.schema(), this.input.fieldTypes);
    return this.foreign.map((f) => f.field);
  }

  async *batches(onProgress?: (fraction: number) => void): AsyncGenerator<RecordBatch> {
    this.fields();
    try {
      yield* this.normalized(onProgress);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message.startsWith(`${this.input.file}:`)) throw error;
      throw new Error(`${this.input.file}: the data is damaged and cannot be read (${message})`);
    }
  }

  private async *normalized(onProgress?: (fraction: number) => void): AsyncGenerator<RecordBatch> {
    let rows = 0;
    for await (const raw of this.rawBatches(onProgress)) {
      // A source batch larger than a packet is sliced, so packets stay of the usual size.
      for (let start = 0; start < raw.numRows; start += this.input.batchRows) {
        const part = start === 0 && raw.numRows <= this.input.batchRows ? raw : raw.slice(start, start + this.input.batchRows);
        const failures: ConversionFailure[] = [];
        yield normalizeBatch(part, this.foreign!, failures);
        if (failures.length) {
          if (this.failures.length < 5) this.failures.push(...failures.slice(0, 5).map((f) => ({ ...f, row: f.row + rows })));
          this.failureCount += failures.length;
        }
        rows += part.numRows;
      }
    }
  }

  warnings(): string[] {
    if (this.failureCount === 0) return [];
    const types = new Map((this.foreign ?? []).map((f) => [f.field.name, f.field.type]));
    return [`${this.failureCount} value(s) did not convert and were set to null: ` +
      describeFailures(this.input.file, this.failures, 0, (f) => types.get(f) ?? '?').join('; ')];
  }
}

type ParquetModule = typeof import('parquet-wasm');
/** parquet-wasm's Node build loads synchronously through require */
function parquetSync(): ParquetModule {
  return createRequire(import.meta.url)('parquet-wasm') as ParquetModule;
}
async function parquet(): Promise<ParquetModule> {
  return parquetSync();
}

type ParquetFileHandle = Awaited<ReturnType<ParquetModule['ParquetFile']['fromFile']>>;

/**
 * One row group. parquet-wasm decodes in a wasm future: damaged data panics there ("unreachable")
 * as an uncaught exception that the tool host reports, and the read never settles. A listener put
 * before the host's names the file and the row group in that message.
 */
async function readRowGroup(file: ParquetFileHandle, group: number, groups: number, name: string, batchSize: number) {
  const place = (error: unknown) => {
    if (error instanceof Error && !error.message.startsWith(name)) {
      error.message = `${name}: row group ${group + 1} of ${groups} is damaged and cannot be decoded (${error.message})`;
    }
  };
  process.prependListener('uncaughtException', place);
  try {
    return await file.read({ rowGroups: [group], batchSize });
  } catch (error) {
    place(error);
    throw error;
  } finally {
    process.off('uncaughtException', place);
  }
}

export class ParquetSource extends ArrowishSource {
  private async file() {
    const pq = await parquet();
    try {
      return await pq.ParquetFile.fromFile(await openAsBlob(this.input.path));
    } catch (error) {
      throw new Error(`${this.input.file}: not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  /** the schema from the footer alone (sync: "PAR1" + footer is all `readSchema` needs) */
  protected schema(): Schema {
    const { fd, size } = openRegularFileSync(this.input.path, this.input.file);
    try {
      const trailer = Buffer.alloc(8);
      if (size < 12 || readSync(fd, trailer, 0, 8, size - 8) !== 8 || trailer.toString('latin1', 4) !== 'PAR1') {
        throw new Error(`${this.input.file}: not a Parquet file (no PAR1 footer)`);
      }
      const footer = trailer.readUInt32LE(0);
      const bytes = Buffer.alloc(4 + footer + 8);
      bytes.write('PAR1', 0, 'latin1');
      readSync(fd, bytes, 4, footer + 8, size - 8 - footer);
      let schema;
      try { schema = parquetSync().readSchema(bytes); } catch (error) {
        throw new Error(`${this.input.file}: not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`);
      }
      return tableFromIPC(schema.intoIPCStream()).schema;
    } finally {
      closeSync(fd);
    }
  }

  protected async *rawBatches(onProgress?: (fraction: number) => void): AsyncGenerator<RecordBatch> {
    const file = await this.file();
    try {
      const groups = file.metadata().numRowGroups();
      for (let g = 0; g < groups; g++) {
        const table = await readRowGroup(file, g, groups, this.input.file, this.input.batchRows);
        const arrow = tableFromIPC(table.intoIPCStream());
        for (const batch of arrow.batches) yield batch;
        onProgress?.((g + 1) / groups);
      }
    } finally {
      file.free();
    }
  }
}

export class ArrowIpcSource extends ArrowishSource {
  private async reader() {
    const { handle: fh } = await openRegularFile(this.input.path, this.input.file);
    try {
      const reader = await RecordBatchReader.from(fh);
      return { reader: await reader.open(), fh };
    } catch (error) {
      await fh.close();
      throw new Error(`${this.input.file}: not a readable Arrow IPC file or stream (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  /** the schema: a stream's first message, or a file's footer; read synchronously */
  protected schema(): Schema {
    const { fd, size } = openRegularFileSync(this.input.path, this.input.file);
    try {
      const head = Buffer.alloc(Math.min(size, 1 << 20));
      readSync(fd, head, 0, head.length, 0);
      let bytes = new Uint8Array(head);
      if (size >= 6 && head.toString('latin1', 0, 6) === 'ARROW1') {
        // a file: the schema is in the footer; magic + footer + length + magic is all the reader
        // needs for it (its dictionary batches are not in these bytes: see below)
        const trailer = Buffer.alloc(10);
        if (size < 18) throw new Error(`${this.input.file}: not a readable Arrow IPC file: it is too short (truncated?)`);
        readSync(fd, trailer, 0, 10, size - 10);
        if (trailer.toString('latin1', 4, 10) !== 'ARROW1') throw new Error(`${this.input.file}: not a readable Arrow IPC file: the closing ARROW1 mark is missing (truncated or damaged?)`);
        const footer = trailer.readInt32LE(0);
        if (footer <= 0 || 8 + footer + 10 > size) throw new Error(`${this.input.file}: not a readable Arrow IPC file: its footer length (${footer}) does not fit the file (damaged?)`);
        const fake = Buffer.alloc(8 + footer + 10);
        head.copy(fake, 0, 0, 8);
        readSync(fd, fake, 8, footer + 10, size - 10 - footer);
        bytes = new Uint8Array(fake);
      }
      let reader: RecordBatchReader | null = null;
      try {
        reader = RecordBatchReader.from(bytes);
        // over bytes the reader is synchronous: open() returns it (or throws here), never a promise
        void reader.open();
      } catch (error) {
        // A file's reader decodes the footer's schema first, then reads the dictionary batches the
        // footer lists, which these bytes lack: the schema is all that is wanted here (the full
        // read checks the dictionaries). Other failures leave no schema.
        if (!reader?.isFile() || !reader.schema) {
          throw new Error(`${this.input.file}: not a readable Arrow IPC file or stream (${error instanceof Error ? error.message : String(error)})`);
        }
      }
      return reader.schema;
    } finally {
      closeSync(fd);
    }
  }

  /** a record batch's metadata checked before the reader decodes it (arrowMessageCheck.ts) */
  private async metadataProblem(fh: FileHandle, block: { offset: number | bigint; metaDataLength: number } | null): Promise<string | null> {
    if (!block) return 'the footer has no block for it';
    const offset = Number(block.offset);
    const { size } = await fh.stat();
    if (!(offset >= 0 && block.metaDataLength > 8 && offset + block.metaDataLength <= size)) return 'its place in the footer is outside the file';
    const bytes = Buffer.alloc(block.metaDataLength);
    await fh.read(bytes, 0, bytes.length, offset);
    // a continuation marker (-1) and the length, or (before Arrow 0.15) the length alone
    const start = bytes.readInt32LE(0) === -1 ? 8 : 4;
    return recordBatchMetadataProblem(bytes.subarray(start));
  }

  protected async *rawBatches(onProgress?: (fraction: number) => void): AsyncGenerator<RecordBatch> {
    const { reader, fh } = await this.reader();
    try {
      if (!reader.isFile()) {
        for await (const batch of reader) yield batch;
        return;
      }
      // A file's batches are read by their index in the footer, each asked to be a record batch.
      // Iterating instead spins forever on a damaged one: the reader goes back to the same
      // footer block for as long as the message there is not a record batch.
      const count = reader.numRecordBatches;
      for (let i = 0; i < count; i++) {
        const damaged = (why: string) => new Error(`${this.input.file}: record batch ${i + 1} of ${count} is damaged and cannot be read (${why})`);
        let batch: RecordBatch | null;
        try {
          const problem = await this.metadataProblem(fh, reader.footer!.getRecordBatch(i));
          if (problem) throw new Error(problem);
          batch = await reader.readRecordBatch(i);
        } catch (error) {
          throw damaged(error instanceof Error ? error.message : String(error));
        }
        if (!batch) throw damaged('its place in the footer holds no record batch');
        yield batch;
        onProgress?.((i + 1) / count);
      }
    } finally {
      await fh.close().catch(() => undefined);
    }
  }
}
