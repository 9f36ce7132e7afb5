/**
 * Output Data's database target: the rows go into a PostgreSQL table through COPY FROM STDIN, all
 * in one transaction, so a failed or stopped run leaves the table as it was. `create` makes a new
 * table (an existing one is an error), `replace` drops and recreates it, `append` adds rows to an
 * existing table, matching columns by name.
 */
import { once } from 'node:events';
import type { RecordBatch } from 'apache-arrow';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseConnection, Metadata } from '../../shared/sdk/index.js';
import { postgresClient, postgresTypeOf, qualifiedTableName } from '../common/dbPostgres.js';
import { copyTextOf } from './postgresCopyText.js';

export type TableMode = 'create' | 'append' | 'replace';

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class PostgresTarget {
  private client: pg.Client | null = null;
  private copy: ReturnType<typeof copyFrom> | null = null;
  private readonly table: string;

  constructor(private readonly connection: DatabaseConnection, table: string, private readonly mode: TableMode) {
    this.table = qualifiedTableName(table);
  }

  async open(metadata: Metadata): Promise<void> {
    const client = postgresClient(this.connection);
    client.on('error', () => undefined);
    this.client = client;
    await client.connect();
    await client.query('BEGIN');
    const columns = metadata.fields.map((f) => quoteName(f.name));
    const definition = metadata.fields.map((f) => `${quoteName(f.name)} ${postgresTypeOf(f)}`).join(', ');
    if (this.mode === 'replace') await client.query(`DROP TABLE IF EXISTS ${this.table}`);
    if (this.mode !== 'append') await client.query(`CREATE TABLE ${this.table} (${definition})`);
    this.copy = client.query(copyFrom(`COPY ${this.table} (${columns.join(', ')}) FROM STDIN (FORMAT csv)`));
    this.copy.on('error', () => undefined);
  }

  async write(batch: RecordBatch): Promise<void> {
    const text = copyTextOf(batch);
    if (text && !this.copy!.write(text)) await once(this.copy!, 'drain');
  }

  async finish(): Promise<void> {
    const copy = this.copy!;
    const done = once(copy, 'finish');
    copy.end();
    await done;
    await this.client!.query('COMMIT');
    await this.client!.end();
    this.client = null;
  }

  async abort(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    // ending the connection mid-transaction rolls it back on the server
    await client.end().catch(() => undefined);
  }
}
