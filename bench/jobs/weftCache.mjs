// The anchor cache on the pipeline (issue 11), in one process with warm workers as in the app:
// alternating full runs without and with the cache (its write cost), then an incremental run
// after editing the last transform (Sort's order), as a ratio to the full run with the cache.
// `node bench/jobs/weftCache.mjs PIPELINE.weft.json WEFT_HOME [ROUNDS]` prints one JSON line.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [workflowPath, weftHome, roundsArg] = process.argv.slice(2);
const rounds = Math.max(1, Number(roundsArg ?? 2));
const root = path.resolve(import.meta.dirname, '..', '..');
const { createEngineHost } = await import(pathToFileURL(path.join(root, 'dist/electron/engine/service/index.js')).href);
const host = await createEngineHost({ dataDir: weftHome });
const workflow = JSON.parse(fs.readFileSync(workflowPath, 'utf8'));
const workflowDir = path.dirname(workflowPath);

async function timedRun(flow, cache) {
  const started = performance.now();
  const summary = await host.runner.run(flow, { mode: 'full', workflowDir, cache, workflowKey: workflowPath });
  const wallS = (performance.now() - started) / 1000;
  if (summary.status !== 'ok') throw new Error(`the ${cache} run failed: ${JSON.stringify(summary.tools).slice(0, 2000)}`);
  return { wall_s: wallS, cached: Object.values(summary.tools).filter((t) => t.cached).length };
}

const pairs = [];
for (let round = 0; round < rounds; round++) {
  const off = await timedRun(workflow, 'off');
  const keep = await timedRun(workflow, 'keep');
  pairs.push({ off_s: off.wall_s, keep_s: keep.wall_s, overhead: keep.wall_s / off.wall_s - 1 });
}
// the last full run above kept every anchor: edit Sort (the last transform), run incrementally
const edited = structuredClone(workflow);
const sort = edited.tools.find((t) => t.plugin === 'weft/sort');
sort.config.keys = sort.config.keys.map((k) => ({ ...k, order: k.order === 'desc' ? 'asc' : 'desc' }));
const incremental = await timedRun(edited, 'reuse');
const cacheBytes = (await host.runner.anchorCacheStore.refresh())
  .filter((s) => s.entry.workflowKey === workflowPath)
  .reduce((sum, s) => sum + Object.values(s.entry.anchors).reduce((n, a) => n + a.bytes, 0), 0);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const lastKeep = pairs.at(-1).keep_s;
process.stdout.write(JSON.stringify({
  rounds: pairs,
  write_overhead: median(pairs.map((p) => p.overhead)),
  incremental_s: incremental.wall_s,
  incremental_cached_tools: incremental.cached,
  rerun_ratio: incremental.wall_s / lastKeep,
  cache_mb: cacheBytes / 1024 / 1024,
}) + '\n');
await host.dispose();
process.exit(0);
