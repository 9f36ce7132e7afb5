// The pipeline job in DuckDB (SQL over the CSV), run as its own process by bench/run.mjs.
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output] = process.argv.slice(2);
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const q = (s) => `'${s.replaceAll("'", "''")}'`;
await connection.run(`COPY (
  SELECT category, region, count(*) AS Count, sum(amount * qty) AS Sum_total, avg(amount) AS Avg_amount
  FROM read_csv(${q(input)}, header = true)
  WHERE amount > 100 AND flag
  GROUP BY category, region
  ORDER BY Sum_total DESC
) TO ${q(output)} (HEADER, DELIMITER ',')`);
const wallS = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ wall_s: wallS, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
