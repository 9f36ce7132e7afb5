/**
 * CSV parse speed, Weft's parser next to DuckDB's read_csv in the same process (not a test).
 *   node scripts/buildNode.mjs && node dist/plugins/input-data/csvParseBench.js [--rows N] [--file PATH] [--no-duckdb]
 * Generates the benchmark CSV of issue 6 (seeded) when the file does not exist yet.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { emptyCsvReport, readCsvBatches, readCsvSchema } from './csv/csvReader.js';
import type { CsvOptions, CsvReadReport } from './csv/csvReader.js';
import { seededRandom } from '../common/seededRandom.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export async function generateBenchCsv(file: string, rows: number): Promise<void> {
  const rnd = seededRandom(42);
  const categories = Array.from({ length: 50 }, (_, i) => `category_${String(i).padStart(2, '0')}`);
  const regions = ['north', 'south', 'east', 'west', 'central', 'north-east', 'south-west', 'islands'];
  const out = createWriteStream(file);
  out.write('id,category,region,amount,qty,ts,flag\n');
  const start = Date.UTC(2024, 0, 1) / 1000;
  let buf = '';
  for (let i = 1; i <= rows; i++) {
    const ts = new Date((start + Math.floor(rnd() * 365 * 86400)) * 1000).toISOString().slice(0, 19);
    buf += `${i},${categories[Math.floor(rnd() * 50)]},${regions[Math.floor(rnd() * 8)]},${(rnd() * 1000).toFixed(2)},${1 + Math.floor(rnd() * 100)},${ts},${rnd() < 0.5}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function main(): Promise<void> {
  const rows = Number(arg('--rows') ?? 5_000_000);
  const file = arg('--file') ?? path.join(tmpdir(), `weft-bench-${rows}.csv`);
  if (!existsSync(file)) {
    const t = performance.now();
    await generateBenchCsv(file, rows);
    console.log(`generated ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const options: CsvOptions = {
    path: file, file, delimiter: ',', quote: '"', hasHeader: true, encoding: 'utf8', skipRows: 0, fieldTypes: {},
  };
  for (let round = 0; round < 2; round++) {
    const t0 = performance.now();
    const schema = await readCsvSchema(options);
    const report: CsvReadReport = emptyCsvReport();
    let n = 0;
    let batches = 0;
    for await (const batch of readCsvBatches(options, schema, report)) { n += batch.numRows; batches++; }
    const s = (performance.now() - t0) / 1000;
    console.log(`weft   : ${n} rows in ${batches} batches, ${s.toFixed(2)} s, ${(n / s / 1e6).toFixed(2)} M rows/s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`
      + `  types ${schema.fields.map((f) => `${f.name}:${f.type}`).join(' ')}`);
  }
  if (!process.argv.includes('--no-duckdb')) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    for (let round = 0; round < 2; round++) {
      const t0 = performance.now();
      const result = await con.runAndReadAll(`SELECT count(*) AS n FROM (SELECT * FROM read_csv('${file.replace(/'/g, "''")}'))`);
      const s = (performance.now() - t0) / 1000;
      console.log(`duckdb : count ${result.getRows()[0][0]} via read_csv, ${s.toFixed(2)} s`);
      const t1 = performance.now();
      await con.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`);
      const s1 = (performance.now() - t1) / 1000;
      console.log(`duckdb : materialize all columns (CREATE TABLE AS read_csv), ${s1.toFixed(2)} s, ${(rows / s1 / 1e6).toFixed(2)} M rows/s`);
    }
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
