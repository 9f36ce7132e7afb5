/**
 * What the CSV reader tests share: files written to a temp folder, the default options, and a
 * whole read (schema, report, batches and rows as plain objects).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Table, type RecordBatch } from 'apache-arrow';
import { emptyCsvReport, readCsvBatches, readCsvSchema } from './csvReader.js';
import type { CsvOptions, CsvReadReport, CsvSchema } from './csvReader.js';

/** a fresh temp folder; the returned function writes a file there and gives its path */
export function csvTestFolder(prefix: string): { dir: string; file(name: string, content: string | Uint8Array): string } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    file(name, content) {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}

/** comma-separated, `"` quoted, with a header, UTF-8, types detected; `extra` overrides */
export function csvOptions(p: string, extra: Partial<CsvOptions> = {}): CsvOptions {
  return { path: p, file: path.basename(p), delimiter: ',', quote: '"', hasHeader: true, encoding: 'utf8', skipRows: 0, fieldTypes: {}, ...extra };
}

export interface WholeCsv {
  schema: CsvSchema;
  report: CsvReadReport;
  batches: RecordBatch[];
  rows: Array<Record<string, unknown>>;
}

export async function readWholeCsv(o: CsvOptions): Promise<WholeCsv> {
  const schema = readCsvSchema(o);
  const report: CsvReadReport = emptyCsvReport();
  const batches: RecordBatch[] = [];
  for await (const b of readCsvBatches(o, schema, report)) batches.push(b);
  const rows = batches.length ? new Table(batches).toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON()) : [];
  return { schema, report, batches, rows };
}
