/**
 * Output Data: writes its input stream to a file (CSV/TSV, NDJSON, JSON array, Parquet, Excel
 * .xlsx, Arrow IPC), packet by packet into a temporary file beside the target, renamed over it at
 * onComplete, so a failed run never leaves a half-written file. `ifExists`: "overwrite" or
 * "fail". Update-only writes nothing; it warns when the target exists and the mode is "fail".
 * With `target: "database"` the rows go to a table of a named PostgreSQL connection instead
 * (postgresTarget.ts), in one transaction.
 */
import { existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { RecordBatch } from 'apache-arrow';
import type { InputConnection, Metadata, Plugin, Provider } from '../../shared/sdk/index.js';
import { namedConnection } from '../common/dbPostgres.js';
import { partialPathFor, sweepStalePartials, syncFile, syncFolder } from './partialOutput.js';
import { PostgresTarget, type TableMode } from './postgresTarget.js';
import { createWriter } from './writers.js';
import type { FormatWriter, OutputFormat } from './writers.js';

export interface OutputDataConfig {
  path: string;
  format: OutputFormat | 'auto';
  ifExists: 'overwrite' | 'fail';
  delimiter: string;
  sheet: string;
  /** absent in workflows saved before database targets: a file */
  target?: 'file' | 'database';
  connection?: string;
  table?: string;
  tableMode?: TableMode;
}

const EXTENSIONS: Record<string, OutputFormat> = {
  '.csv': 'csv', '.txt': 'csv', '.tsv': 'tsv', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.json': 'json',
  '.parquet': 'parquet', '.xlsx': 'xlsx', '.arrow': 'arrow', '.feather': 'arrow',
};

export default class OutputData implements Plugin {
  private readonly provider: Provider;
  private readonly config: OutputDataConfig;
  private target = '';
  private format: OutputFormat | null = null;
  private temp = '';
  private writer: FormatWriter | null = null;
  private rows = 0;
  private database: PostgresTarget | null = null;
  private databaseOpen = false;

  constructor(provider: Provider) {
    this.provider = provider;
    this.config = provider.toolConfig as unknown as OutputDataConfig;
    if (this.config.target === 'database') {
      try {
        const connection = namedConnection(provider.connections, this.config.connection ?? '');
        if (!this.config.table?.trim()) throw new Error('no table chosen: set "table" (table or schema.table)');
        this.database = new PostgresTarget(connection, this.config.table.trim(), this.config.tableMode ?? 'create');
      } catch (error) {
        provider.io.error(error instanceof Error ? error.message : String(error));
      }
      return;
    }
    try {
      if (!this.config.path) throw new Error('no file chosen: set "path"');
      const { workflowDir } = provider.environment;
      if (!path.isAbsolute(this.config.path) && !workflowDir) {
        throw new Error(`the path "${this.config.path}" is relative, but the workflow is not saved yet: save it or use an absolute path`);
      }
      this.target = path.resolve(workflowDir ?? '', this.config.path);
      const ext = path.extname(this.target).toLowerCase();
      this.format = this.config.format === 'auto' ? EXTENSIONS[ext] ?? null : this.config.format;
      if (!this.format) throw new Error(`${this.config.path}: cannot tell the format from the extension; choose one in "format"`);
      if (existsSync(this.target) && this.config.ifExists === 'fail') {
        const message = `${this.config.path} already exists and "If the file exists" is "fail"`;
        if (provider.environment.updateOnly) provider.io.warn(message);
        else throw new Error(message);
      }
    } catch (error) {
      provider.io.error(error instanceof Error ? error.message : String(error));
      this.format = null;
    }
  }

  async onInputConnectionOpened(connection: InputConnection): Promise<void> {
    if (this.provider.environment.updateOnly) return;
    if (this.database) return this.openDatabase(connection.metadata);
    if (!this.format) return;
    this.open(connection.metadata);
  }

  private async openDatabase(metadata: Metadata): Promise<void> {
    if (metadata.fields.length === 0) {
      this.provider.io.error(`table ${this.config.table}: the input has no fields; nothing written, the table is left as it was`);
      this.database = null;
      return;
    }
    try {
      await this.database!.open(metadata);
      this.databaseOpen = true;
    } catch (error) {
      await this.failDatabase(error);
    }
  }

  private async failDatabase(error: unknown): Promise<void> {
    await this.database?.abort();
    this.database = null;
    this.provider.io.error(`connection "${this.config.connection}", table ${this.config.table}: ${error instanceof Error ? error.message : String(error)}`);
  }

  private open(metadata: Metadata): void {
    if (metadata.fields.length === 0) {
      // a stream without fields is an upstream mistake, never a reason to replace a file
      this.provider.io.error(`${this.config.path}: the input has no fields; nothing written, the file is left as it was`);
      this.format = null;
      return;
    }
    mkdirSync(path.dirname(this.target), { recursive: true });
    const swept = sweepStalePartials(this.target);
    if (swept > 0) this.provider.io.info(`removed ${swept} temporary file(s) of ${this.config.path} left by an interrupted run`);
    this.temp = partialPathFor(this.target, this.provider.environment.tempDir);
    this.writer = createWriter(this.format!, this.temp, metadata, { delimiter: this.config.delimiter || ',', sheet: this.config.sheet });
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    if (this.database) {
      if (!this.databaseOpen) return;
      const packet = connection.read();
      try {
        for (const batch of (packet.table as { batches: RecordBatch[] }).batches) await this.database.write(batch);
        this.rows += packet.length;
      } catch (error) {
        await this.failDatabase(error);
      }
      return;
    }
    if (!this.writer) return;
    const packet = connection.read();
    const table = packet.table as { batches: RecordBatch[] };
    try {
      for (const batch of table.batches) await this.writer.write(batch);
      this.rows += packet.length;
    } catch (error) {
      await this.fail(error);
    }
  }

  async onComplete(): Promise<void> {
    if (this.provider.environment.updateOnly) return;
    if (this.database) {
      if (!this.databaseOpen) {
        this.provider.io.warn(`nothing written to table ${this.config.table}: the input had no fields`);
        return;
      }
      try {
        await this.database.finish();
        this.provider.io.info(`${this.rows} record(s) written to table ${this.config.table} (connection "${this.config.connection}", ${this.config.tableMode ?? 'create'})`);
      } catch (error) {
        await this.failDatabase(error);
      }
      return;
    }
    if (!this.format) return;
    if (!this.writer) {
      // no input connection opened (an upstream tool closed empty): nothing to write
      this.provider.io.warn(`nothing written to ${this.config.path}: the input had no fields`);
      return;
    }
    try {
      await this.writer.finish();
      syncFile(this.temp);
      if (this.config.ifExists === 'fail') this.placeIfAbsent();
      else renameSync(this.temp, this.target);
      syncFolder(path.dirname(this.target));
      this.provider.io.info(`${this.rows} record(s) written to ${this.config.path}`);
    } catch (error) {
      await this.fail(error);
    }
  }

  /**
   * "fail" mode: a hard link is created only if the target does not exist, atomically, so a file
   * that appeared since the constructor's check is never replaced. Where links are not supported
   * (some network and FAT file systems) the check and the rename are as close as they can be.
   */
  private placeIfAbsent(): void {
    const exists = () => new Error(`${this.config.path} already exists and "If the file exists" is "fail"`);
    try {
      linkSync(this.temp, this.target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw exists();
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
      if (existsSync(this.target)) throw exists();
      renameSync(this.temp, this.target);
      return;
    }
    rmSync(this.temp, { force: true });
  }

  private async fail(error: unknown): Promise<void> {
    await this.writer?.abort().catch(() => undefined);
    rmSync(this.temp, { force: true });
    this.writer = null;
    this.provider.io.error(`${this.config.path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
