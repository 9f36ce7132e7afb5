// The reshape job in DuckDB: the same answer as bench/workflows.mjs reshapeWorkflow (split ts, parse
// the month, amount minus the previous row's amount, unpivot, pivot back by region × month), to check
// Weft's output. Run as its own process by bench/run.mjs.
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output] = process.argv.slice(2);
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const q = (s) => `'${s.replaceAll("'", "''")}'`;
await connection.run(`COPY (
  WITH src AS (
    SELECT region, amount, regexp_extract(split_part(ts, ' ', 1), '^(\\d{4})-(\\d{2})-\\d{2}$', 2) AS month,
      amount - coalesce(lag(amount) OVER (ORDER BY rowid), 0) AS delta
    FROM (SELECT *, row_number() OVER () AS rowid FROM read_csv(${q(input)}, header = true, types = { 'ts': 'VARCHAR' }))
  )
  SELECT region, month, sum(amount) AS amount, sum(delta) AS delta FROM src GROUP BY region, month ORDER BY region, month
) TO ${q(output)} (HEADER, DELIMITER ',')`);
const wallS = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ wall_s: wallS, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
