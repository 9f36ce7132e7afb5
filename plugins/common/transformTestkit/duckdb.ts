/**
 * Differential testing against DuckDB: loads test data into an in-memory DuckDB table of the same
 * types and returns a query's rows in the engine's preview form (int64 as decimal strings), so the
 * two can be compared with toEqual.
 */
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { PreviewRow, PreviewValue } from '../../../shared/runEvents.js';
import type { Field, RecordValue } from '../../../shared/sdk/index.js';
import type { TestData } from './testData.js';

function sqlType(field: Field): string {
  switch (field.type) {
    case 'bool': return 'BOOLEAN';
    case 'int32': return 'INTEGER';
    case 'int64': return 'BIGINT';
    case 'double': return 'DOUBLE';
    default: return 'VARCHAR';
  }
}

function append(appender: DuckDBAppender, field: Field, value: RecordValue): void {
  if (value === null) { appender.appendNull(); return; }
  switch (field.type) {
    case 'bool': appender.appendBoolean(value as boolean); break;
    case 'int32': appender.appendInteger(value as number); break;
    case 'int64': appender.appendBigInt(value as bigint); break;
    case 'double': appender.appendDouble(value as number); break;
    default: appender.appendVarchar(String(value));
  }
}

async function load(connection: DuckDBConnection, name: string, data: TestData): Promise<void> {
  const columns = data.fields.map((f) => `"${f.name}" ${sqlType(f)}`).join(', ');
  await connection.run(`CREATE TABLE "${name}" (${columns})`);
  const appender = await connection.createAppender(name);
  const rows = data.fields.length > 0 ? data.columns[data.fields[0].name].length : 0;
  for (let i = 0; i < rows; i++) {
    for (const field of data.fields) append(appender, field, data.columns[field.name][i]);
    appender.endRow();
  }
  appender.closeSync();
}

function toPreview(value: unknown): PreviewValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

// Loading a table row by row through the appender costs more than most queries, and a test file
// asks many queries of the same data: the last few sets of tables stay loaded, keyed by the
// identity of their TestData objects (generated data is never changed after it is made).
const LOADED_KEPT = 4;
const loaded = new Map<string, Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }>>();
const dataIds = new WeakMap<TestData, number>();
let nextDataId = 0;

function tablesKey(tables: Record<string, TestData>): string {
  return JSON.stringify(Object.entries(tables).map(([name, data]) => {
    if (!dataIds.has(data)) dataIds.set(data, nextDataId++);
    return [name, dataIds.get(data)];
  }));
}

function connectionFor(tables: Record<string, TestData>): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const key = tablesKey(tables);
  let entry = loaded.get(key);
  if (!entry) {
    entry = (async () => {
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      for (const [name, data] of Object.entries(tables)) await load(connection, name, data);
      return { instance, connection };
    })();
    loaded.set(key, entry);
    if (loaded.size > LOADED_KEPT) {
      const [oldestKey, oldest] = loaded.entries().next().value!;
      loaded.delete(oldestKey);
      void oldest.then(({ instance, connection }) => {
        connection.closeSync();
        instance.closeSync();
      }, () => undefined);
    }
  }
  return entry;
}

/** runs `sql` over `tables` (name → data); BIGINT/HUGEINT results come back as decimal strings */
export async function duckdbQuery(tables: Record<string, TestData>, sql: string): Promise<PreviewRow[]> {
  const { connection } = await connectionFor(tables);
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toPreview(v)])));
}

/** rows with every double rounded to 12 significant digits, for comparing sums added in another order */
export function roundDoubles(rows: PreviewRow[]): PreviewRow[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v])));
}
