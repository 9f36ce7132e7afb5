/**
 * The in-database worker thread: one embedded DuckDB per run (temporary files in the data folder's
 * temp directory, a memory limit, so joins, sorts and aggregations past memory spill), runs each
 * part (partSql.ts) and answers with every anchor's count and preview. Rows stay in DuckDB.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parentPort, workerData } from 'node:worker_threads';
import type { FieldType, Metadata } from '../../../shared/metadata.js';
import type { PreviewRow } from '../../../shared/runEvents.js';
import type { Connection, ToolNode } from '../../../shared/workflow.js';
import { duckdbDialect } from './duckdbDialect.js';
import { PartRunError, runPart, type SqlSession } from './partSql.js';
import { ROW } from './toolSql.js';

export interface InDatabaseJob {
  parts: Array<{ tools: ToolNode[]; connections: Connection[] }>;
  workflowDir: string | null;
  tempDirectory: string;
  memoryLimitMb: number;
  previewRows: number;
}

export type PartOutcome =
  | { ok: true; anchors: Array<{ toolId: string; anchor: string; records: number; metadata: Metadata; preview: PreviewRow[] }>; statements: string[]; ms: number; countMs: number }
  | { ok: false; error: PartRunError['detail'] };

function sessionOf(connection: DuckDBConnection, counting: { ms: number }): SqlSession {
  return {
    run: async (sql) => { await connection.run(sql); },
    fields: async (relation) => (await connection.runAndReadAll(`SELECT * FROM ${relation} LIMIT 0`)).columnNames(),
    count: async (relation) => {
      const started = performance.now();
      const count = Number((await connection.runAndReadAll(`SELECT count(*) FROM ${relation}`)).getRows()[0][0]);
      counting.ms += performance.now() - started;
      return count;
    },
  };
}

// DuckDB's types as Weft field types (docs/sdk.md); another type is shown as text
const FIELD_TYPES: Record<string, FieldType> = {
  BOOLEAN: 'bool', TINYINT: 'byte', SMALLINT: 'int16', INTEGER: 'int32', BIGINT: 'int64', FLOAT: 'float', DOUBLE: 'double',
  VARCHAR: 'v_wstring', DATE: 'date', TIME: 'time', TIMESTAMP: 'datetime', BLOB: 'blob',
};

async function main(job: InDatabaseJob): Promise<PartOutcome[]> {
  const instance = await DuckDBInstance.create(':memory:', {
    temp_directory: job.tempDirectory,
    memory_limit: `${Math.max(64, Math.floor(job.memoryLimitMb))}MB`,
  });
  const outcomes: PartOutcome[] = [];
  for (const part of job.parts) {
    const connection = await instance.connect();
    const started = performance.now();
    const counting = { ms: 0 };
    try {
      const result = await runPart(part.tools, part.connections, duckdbDialect, sessionOf(connection, counting), job.workflowDir);
      const anchors = [];
      for (const [key, { table, records }] of result.anchors) {
        const [toolId, anchor] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
        const reader = await connection.runAndReadAll(`SELECT * EXCLUDE (${ROW}) FROM ${table} ORDER BY ${ROW} LIMIT ${job.previewRows}`);
        const fields = reader.columnNames().map((name, i) => ({ name, type: FIELD_TYPES[reader.columnType(i).toString()] ?? 'v_wstring' }));
        anchors.push({ toolId, anchor, records, metadata: { fields }, preview: reader.getRowObjectsJson() as PreviewRow[] });
      }
      outcomes.push({ ok: true, anchors, statements: result.statements, ms: performance.now() - started, countMs: counting.ms });
    } catch (error) {
      outcomes.push({ ok: false, error: error instanceof PartRunError ? error.detail : { toolId: null, phase: 'relation', message: (error as Error).message } });
    } finally {
      connection.closeSync();
    }
  }
  instance.closeSync();
  return outcomes;
}

main(workerData as InDatabaseJob).then(
  (outcomes) => parentPort!.postMessage({ ok: true, outcomes }),
  (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
);
