/**
 * Worker entry: reads the head of a worksheet and hands it back through shared memory, so the
 * input tool's constructor can wait for it synchronously (update-only calls only the constructor,
 * and exceljs reads asynchronously).
 */
import { workerData } from 'node:worker_threads';
import { readXlsxRows } from './xlsxRows.js';
import type { CellValue, XlsxReadOptions } from './xlsxRows.js';
import { xlsxReadError } from './xlsxZipCheck.js';

interface SampleRequest {
  options: XlsxReadOptions;
  limit: number;
  shared: SharedArrayBuffer;
}

const { options, limit, shared } = workerData as SampleRequest;
const state = new Int32Array(shared, 0, 2);
const bytes = new Uint8Array(shared, 8);

function reply(status: number, value: unknown): void {
  let encoded = new TextEncoder().encode(JSON.stringify(value));
  if (encoded.length > bytes.length) encoded = new TextEncoder().encode(JSON.stringify({ error: 'the sample is too large' }));
  bytes.set(encoded);
  state[1] = encoded.length;
  Atomics.store(state, 0, status);
  Atomics.notify(state, 0);
}

// exceljs's zip reader can fail from a stream event, outside the awaited chain: answer all the same
process.on('uncaughtException', (error) => reply(2, { error: xlsxReadError(options.file, error).message }));

try {
  let header: string[] | null = null;
  const rows: CellValue[][] = [];
  for await (const row of readXlsxRows(options, (names) => { header = names; }, limit)) rows.push(row);
  reply(1, { header, rows });
} catch (error) {
  reply(2, { error: error instanceof Error ? error.message : String(error) });
}
