/**
 * Input Data: reads a file (CSV/TSV, NDJSON, JSON array, Parquet, Excel .xlsx, Arrow IPC) and
 * streams it as packets. The constructor detects the fields from the file's head (cheap, sync)
 * and opens the output anchor, so update-only shows the fields; onComplete streams the rows,
 * awaiting each write (backpressure). Relative paths resolve against the workflow's folder.
 * With `source: "database"` it reads a table or query of a named PostgreSQL connection instead.
 */
import path from 'node:path';
import type { DatabaseConnection, Field, OutputAnchor, Plugin, Provider } from '../../shared/sdk/index.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { namedConnection, sourceQuery } from '../common/dbPostgres.js';
import { assertRegularFileSync } from '../common/ioRegularFile.js';
import { ArrowIpcSource, ParquetSource } from './formats/arrowSources.js';
import { CsvSource } from './formats/csvSource.js';
import { jsonArraySource, ndjsonSource } from './formats/jsonSources.js';
import { PostgresSource } from './formats/postgresSource.js';
import { formatOfPath } from './formats/source.js';
import type { InputFormat, InputOptions, ReadSettings, Source } from './formats/source.js';
import { xlsxSource } from './formats/xlsxSource.js';
import { InputExtras, type InputExtrasConfig } from './inputExtras.js';

export interface InputDataConfig extends ReadSettings, InputExtrasConfig {
  /** absent in workflows saved before database sources: a file */
  source?: 'file' | 'database';
  path: string;
  format: InputFormat | 'auto';
  /** database source: a connection name (`weft connections add`), and a table or a query */
  connection?: string;
  table?: string;
  query?: string;
}

const BATCH_ROWS = 65536;

export function resolveInputPath(file: string, workflowDir: string | null): string {
  if (path.isAbsolute(file)) return file;
  if (!workflowDir) throw new Error(`the path "${file}" is relative, but the workflow is not saved yet: save it or use an absolute path`);
  return path.resolve(workflowDir, file);
}

type Connections = Readonly<Record<string, DatabaseConnection>> | undefined;

export function openSource(config: InputDataConfig, workflowDir: string | null, connections: Connections): Source {
  if (config.source === 'database') {
    const connection = namedConnection(connections, config.connection ?? '');
    const query = sourceQuery({ table: config.table ?? '', query: config.query ?? '' });
    const label = `connection "${connection.name}": ${config.query?.trim() ? 'query' : config.table}`;
    return new PostgresSource({ connection, query, label, fieldTypes: config.fieldTypes ?? {}, batchRows: BATCH_ROWS });
  }
  if (!config.path) throw new Error('no file chosen: set "path"');
  const absolute = resolveInputPath(config.path, workflowDir);
  // a FIFO, a device or a folder is refused before anything reads from it (it could block forever)
  assertRegularFileSync(absolute, absolute === config.path ? config.path : `${config.path} (${absolute})`);
  const format = config.format === 'auto' ? formatOfPath(absolute) : config.format;
  if (!format) throw new Error(`${config.path}: cannot tell the format from the extension; choose one in "format"`);
  const options: InputOptions = {
    path: absolute, file: config.path, format, delimiter: config.delimiter, quote: config.quote, hasHeader: config.hasHeader,
    encoding: config.encoding, skipRows: config.skipRows, sheet: config.sheet, fieldTypes: config.fieldTypes, batchRows: BATCH_ROWS,
  };
  switch (format) {
    case 'csv': case 'tsv': return new CsvSource(options);
    case 'ndjson': return ndjsonSource(options);
    case 'json': return jsonArraySource(options);
    case 'parquet': return new ParquetSource(options);
    case 'xlsx': return xlsxSource(options);
    case 'arrow': return new ArrowIpcSource(options);
  }
}

export default class InputData implements Plugin {
  private readonly provider: Provider;
  private readonly source: Source | null = null;
  private readonly output: OutputAnchor;
  private fields: Field[] = [];
  private extras: InputExtras | null = null;

  constructor(provider: Provider) {
    this.provider = provider;
    this.output = provider.getOutputAnchor('Output');
    const config = provider.toolConfig as unknown as InputDataConfig;
    try {
      this.source = openSource(config, provider.environment.workflowDir, provider.connections);
      this.fields = this.source.fields();
    } catch (error) {
      provider.io.error(error instanceof Error ? error.message : String(error));
      return;
    }
    const unknownTypes = Object.keys(config.fieldTypes ?? {}).filter((n) => !this.fields.some((f) => f.name === n));
    if (unknownTypes.length > 0) provider.io.warn(`fieldTypes names field(s) not in the ${config.source === 'database' ? 'table or query' : 'file'}: ${unknownTypes.join(', ')}`);
    if (this.fields.length === 0) {
      // an empty result here is never trusted: downstream (Output Data) would replace its target with nothing
      provider.io.error(config.source === 'database' ? 'the table or query has no columns'
        : `${config.path}: no fields found: the file is empty or has no records to take field names from`);
      this.fields = [];
      return;
    }
    const problems: string[] = [];
    const origin = config.source === 'database' ? `${config.connection ?? ''}${config.table ? `/${config.table}` : ''}` : resolveInputPath(config.path, provider.environment.workflowDir);
    this.extras = new InputExtras(config, this.fields, origin, problems);
    if (problems.length > 0) {
      provider.io.error(problems.join('; '));
      this.fields = [];
      return;
    }
    this.fields = this.extras.fields;
    this.output.open({ fields: this.fields });
  }

  async onComplete(): Promise<void> {
    if (!this.source || this.fields.length === 0) return;
    const metadata = { fields: this.fields };
    let last = 0;
    try {
      for await (const batch of this.source.batches((f) => {
        if (f - last >= 0.01) { last = f; this.provider.io.updateProgress(f); }
      })) {
        await this.output.write(this.extras?.active ? this.extras.packet(batch) : ArrowRecordPacket.fromBatch(metadata, batch));
      }
    } catch (error) {
      for (const w of this.source.warnings()) this.provider.io.warn(w);
      this.provider.io.error(error instanceof Error ? error.message : String(error));
      return;
    }
    for (const w of this.source.warnings()) this.provider.io.warn(w);
    for (const [name, count] of this.extras?.cutCounts ?? []) {
      this.provider.io.warn(`${count} value(s) of "${name}" were cut to its size of ${this.fields.find((f) => f.name === name)?.size} characters`);
    }
    this.provider.io.updateProgress(1);
  }
}
