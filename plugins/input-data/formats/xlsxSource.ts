/** Excel .xlsx: the sample comes from a short-lived worker (sync for the constructor), the rows from the streaming reader. */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { fieldNames } from '../csv/csvSample.js';
import { RecordSource } from './recordSource.js';
import type { RecordStream } from './recordSource.js';
import type { InputOptions } from './source.js';
import { readXlsxRows } from './xlsxRows.js';
import type { CellValue, XlsxReadOptions } from './xlsxRows.js';

/** the compiled worker beside this module (under vitest this module runs from its .ts source) */
function workerPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return here.replace(/xlsxSource\.js$/, 'xlsxSampleWorker.js');
  return here.replace(/([\\/])plugins([\\/])/, '$1dist$1plugins$2').replace(/xlsxSource\.ts$/, 'xlsxSampleWorker.js');
}

/** reads the first `limit` rows in a worker and waits for them (at most 60 s) */
export function sampleXlsxSync(options: XlsxReadOptions, limit: number): { header: string[] | null; rows: CellValue[][] } {
  const shared = new SharedArrayBuffer(8 + 16 * 1024 * 1024);
  const state = new Int32Array(shared, 0, 2);
  const worker = new Worker(workerPath(), { workerData: { options, limit, shared } });
  worker.unref();
  const outcome = Atomics.wait(state, 0, 0, 60_000);
  void worker.terminate();
  if (outcome === 'timed-out') throw new Error(`${options.file}: reading the sheet's first rows took too long`);
  const text = new TextDecoder().decode(new Uint8Array(shared, 8, state[1]).slice());
  const value = JSON.parse(text) as { header: string[] | null; rows: CellValue[][]; error?: string };
  if (state[0] !== 1 || value.error) throw new Error(value.error ?? `${options.file}: the sheet could not be read`);
  return value;
}

class XlsxStream implements RecordStream {
  private readonly options: XlsxReadOptions;
  private header: string[] | null = null;
  private width = 0;
  private done = false;

  constructor(input: InputOptions) {
    this.options = { path: input.path, file: input.file, sheet: input.sheet, hasHeader: input.hasHeader, skipRows: input.skipRows };
  }

  sample(limit: number): unknown[][] {
    const { header, rows } = sampleXlsxSync(this.options, limit);
    this.header = header;
    return rows;
  }

  names(sample: unknown[][]): string[] {
    this.width = Math.max(this.header?.length ?? 0, ...sample.map((r) => r.length), 0);
    return fieldNames(this.header, this.width);
  }

  progress(): number {
    return this.done ? 1 : 0;
  }

  async *records(): AsyncGenerator<unknown[]> {
    for await (const values of readXlsxRows(this.options, () => undefined)) {
      yield Array.from({ length: this.width }, (_, i) => values[i] ?? null);
    }
    this.done = true;
  }
}

export function xlsxSource(input: InputOptions): RecordSource {
  return new RecordSource(input, new XlsxStream(input));
}
