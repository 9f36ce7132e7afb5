// The pipeline job in Arquero, run as its own process by bench/run.mjs.
import * as aq from 'arquero';
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
const started = performance.now();
const table = aq.fromCSV(fs.readFileSync(input, 'utf8'));
const result = table
  .filter((d) => d.amount > 100 && d.flag)
  .derive({ total: (d) => d.amount * d.qty })
  .groupby('category', 'region')
  .rollup({ Count: aq.op.count(), Sum_total: (d) => aq.op.sum(d.total), Avg_amount: (d) => aq.op.mean(d.amount) })
  .orderby(aq.desc('Sum_total'));
fs.writeFileSync(output, result.toCSV());
const wallS = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ wall_s: wallS, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
