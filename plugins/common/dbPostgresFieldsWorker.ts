/**
 * Worker entry: asks PostgreSQL for the columns of a query (`LIMIT 0`: planned, no rows read) and
 * hands them back through shared memory, so a tool's constructor can wait for them synchronously
 * (update-only calls only the constructor, and the client is asynchronous).
 */
import { workerData } from 'node:worker_threads';
import { postgresClient } from './dbPostgres.js';
import type { DatabaseConnection } from './dbPostgres.js';

interface FieldsRequest {
  connection: DatabaseConnection;
  query: string;
  shared: SharedArrayBuffer;
}

const { connection, query, shared } = workerData as FieldsRequest;
const state = new Int32Array(shared, 0, 2);
const bytes = new Uint8Array(shared, 8);

function reply(status: number, value: unknown): void {
  let encoded = new TextEncoder().encode(JSON.stringify(value));
  if (encoded.length > bytes.length) encoded = new TextEncoder().encode(JSON.stringify({ error: 'the column list is too large' }));
  bytes.set(encoded);
  state[1] = encoded.length;
  Atomics.store(state, 0, status);
  Atomics.notify(state, 0);
}

const client = postgresClient(connection);
client.on('error', () => undefined);
try {
  await client.connect();
  const result = await client.query(`SELECT * FROM (${query}\n) AS weft_fields LIMIT 0`);
  reply(1, { columns: result.fields.map((f) => ({ name: f.name, oid: f.dataTypeID, typmod: f.dataTypeModifier })) });
} catch (error) {
  reply(2, { error: error instanceof Error ? error.message : String(error) });
} finally {
  await client.end().catch(() => undefined);
}
