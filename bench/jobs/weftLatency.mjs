// Update-only latency (100-tool chain, 50 config changes through the session API the app uses)
// and full-run overhead (6 tools, 10 rows, warm), in one process. Prints one JSON object.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { overheadWorkflow, updateChainWorkflow } from '../workflows.mjs';

const [weftHome, updateTools = '100', changes = '50'] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '..', '..');
const { createEngineHost } = await import(pathToFileURL(path.join(root, 'dist/electron/engine/service/index.js')).href);
const host = await createEngineHost({ dataDir: weftHome, warmWorkers: true });
const session = host.createSession();

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const toolCount = Number(updateTools);
const lastTool = `t${toolCount - 1}`;
await session.updateOnly(updateChainWorkflow(toolCount, 0), null);
const latencies = [];
for (let i = 1; i <= Number(changes); i += 1) {
  const started = performance.now();
  const summary = await session.updateOnly(updateChainWorkflow(toolCount, i), null);
  latencies.push(performance.now() - started);
  const fields = summary.tools[lastTool]?.outputs?.Output?.metadata?.fields ?? [];
  if (!fields.some((f) => f.name === `c${i}`)) throw new Error(`update ${i}: the last tool did not get the new metadata`);
}
const updateOnly = { tools: toolCount, p50_ms: percentile(latencies, 50), p95_ms: percentile(latencies, 95), rss_mb: process.memoryUsage().rss / 2 ** 20 };

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bench-overhead-'));
const workflow = overheadWorkflow(path.join(outDir, 'out.csv'));
const times = [];
for (let i = 0; i < 23; i += 1) {
  const started = performance.now();
  const summary = await session.runWorkflow(workflow, null);
  if (summary.status !== 'ok') throw new Error(`overhead run failed: ${JSON.stringify(summary.tools)}`);
  if (i >= 3) times.push(performance.now() - started);
}
const runOverhead = { tools: 6, p50_ms: percentile(times, 50) };
process.stdout.write(JSON.stringify({ update_only: updateOnly, run_overhead: runOverhead }) + '\n');
await host.dispose();
process.exit(0);
