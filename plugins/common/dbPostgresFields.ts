/** The columns of a PostgreSQL query, read synchronously through a short-lived worker (dbPostgresFieldsWorker.ts). */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DatabaseConnection } from './dbPostgres.js';

export interface PostgresColumn {
  name: string;
  oid: number;
  typmod: number;
}

/** the compiled worker beside this module (under vitest this module runs from its .ts source) */
function workerPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return here.replace(/dbPostgresFields\.js$/, 'dbPostgresFieldsWorker.js');
  return here.replace(/([\\/])plugins([\\/])/, '$1dist$1plugins$2').replace(/dbPostgresFields\.ts$/, 'dbPostgresFieldsWorker.js');
}

/** waits at most `timeoutMs` (the connection's own timeout is 15 s) */
export function postgresColumnsSync(connection: DatabaseConnection, query: string, timeoutMs = 20_000): PostgresColumn[] {
  const shared = new SharedArrayBuffer(8 + 4 * 1024 * 1024);
  const state = new Int32Array(shared, 0, 2);
  const worker = new Worker(workerPath(), { workerData: { connection, query, shared } });
  worker.unref();
  const outcome = Atomics.wait(state, 0, 0, timeoutMs);
  void worker.terminate();
  const where = `connection "${connection.name}" (${connection.host}:${connection.port}/${connection.database})`;
  if (outcome === 'timed-out') throw new Error(`${where}: no answer within ${timeoutMs / 1000} s`);
  const value = JSON.parse(new TextDecoder().decode(new Uint8Array(shared, 8, state[1]).slice())) as { columns?: PostgresColumn[]; error?: string };
  if (state[0] !== 1 || !value.columns) throw new Error(`${where}: ${value.error ?? 'the columns could not be read'}`);
  return value.columns;
}
