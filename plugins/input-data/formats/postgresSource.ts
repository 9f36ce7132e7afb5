/**
 * A PostgreSQL table or query as an input: the fields from the query's columns (planned with
 * `LIMIT 0`, no rows read, for update-only), the rows through a server-side cursor in a read-only
 * transaction, a packet at a time, so memory stays flat whatever the table's size.
 */
import type { RecordBatch } from 'apache-arrow';
import Cursor from 'pg-cursor';
import { ownValue } from '../../../shared/ownValue.js';
import type { DatabaseConnection, Field } from '../../../shared/sdk/index.js';
import type { FieldType } from '../../../shared/metadata.js';
import { fieldOfPostgres, postgresClient } from '../../common/dbPostgres.js';
import { postgresColumnsSync, type PostgresColumn } from '../../common/dbPostgresFields.js';
import type { ConversionFailure } from '../../common/ioValues.js';
import { batchFromPostgresRows } from './postgresColumns.js';
import type { Source } from './source.js';

export interface PostgresSourceOptions {
  connection: DatabaseConnection;
  query: string;
  /** names the source in messages: `connection "x": table` */
  label: string;
  fieldTypes: Record<string, FieldType>;
  batchRows: number;
}

export class PostgresSource implements Source {
  private readonly options: PostgresSourceOptions;
  private columns: PostgresColumn[] | null = null;
  private cached: Field[] | null = null;
  private readonly failures: ConversionFailure[] = [];
  private failureCount = 0;

  constructor(options: PostgresSourceOptions) {
    this.options = options;
  }

  fields(): Field[] {
    if (this.cached) return this.cached;
    this.columns = postgresColumnsSync(this.options.connection, this.options.query);
    const seen = new Set<string>();
    for (const c of this.columns) {
      if (seen.has(c.name)) throw new Error(`${this.options.label}: the column name "${c.name}" appears twice; give the columns distinct names (AS …)`);
      seen.add(c.name);
    }
    this.cached = this.columns.map((c) => {
      const override = ownValue(this.options.fieldTypes, c.name);
      return override ? { name: c.name, type: override } : fieldOfPostgres(c.name, c.oid, c.typmod);
    });
    return this.cached;
  }

  async *batches(): AsyncGenerator<RecordBatch> {
    const fields = this.fields();
    const columns = this.columns!;
    const client = postgresClient(this.options.connection);
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query('BEGIN TRANSACTION READ ONLY');
      const cursor = client.query(new Cursor(this.options.query, [], { rowMode: 'array' }));
      let total = 0;
      for (;;) {
        const rows = (await cursor.read(this.options.batchRows)) as unknown[][];
        if (rows.length === 0) break;
        const failures: ConversionFailure[] = [];
        const batch = batchFromPostgresRows(fields, columns, rows, failures);
        if (failures.length > 0) {
          if (this.failures.length < 5) this.failures.push(...failures.slice(0, 5).map((f) => ({ ...f, row: f.row + total })));
          this.failureCount += failures.length;
        }
        total += rows.length;
        yield batch;
      }
      await cursor.close();
      await client.query('COMMIT');
    } catch (error) {
      throw new Error(`${this.options.label}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  warnings(): string[] {
    if (this.failureCount === 0) return [];
    const first = this.failures.map((f) => `record ${f.row + 1}, field "${f.field}": ${JSON.stringify(String(f.value))}`).join('; ');
    return [`${this.options.label}: ${this.failureCount} value(s) did not convert to their field's type and were set to null: ${first}`];
  }
}
