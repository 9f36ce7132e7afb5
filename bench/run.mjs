// `npm run bench [-- --rows N] [-- --chain TOOLS] [-- --json]`: the four benchmark parts of issue 6 and the
// long chain of issue 15, with DuckDB and Arquero in the same run (each job its own process), results in bench/results/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderChart } from './chart.mjs';
import { compareOutputs } from './compareOutputs.mjs';
import { compareReshape } from './compareReshape.mjs';
import { generateCsv } from './generateCsv.mjs';
import { chainWorkflow, joinWorkflow, pipelineWorkflow, reshapeWorkflow, streamingWorkflow } from './workflows.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const rows = Number(option('--rows', '5000000'));
const log = (...parts) => { if (!json) console.error(...parts); };

const here = import.meta.dirname;
const root = path.resolve(here, '..');
const work = path.join(here, 'results', 'tmp');
const weftHome = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bench-home-'));
fs.mkdirSync(work, { recursive: true });

spawnSync(process.execPath, [path.join(root, 'scripts', 'buildNode.mjs')], { stdio: 'inherit' });

function job(script, jobArgs) {
  const result = spawnSync(process.execPath, [path.join(here, 'jobs', script), ...jobArgs], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) throw new Error(`${script} failed (exit ${result.status}):\n${result.stderr}`);
  return JSON.parse(line);
}

const median3 = (runs) => runs.sort((a, b) => a.wall_s - b.wall_s)[Math.floor(runs.length / 2)];

log(`generating ${rows.toLocaleString('en')} rows…`);
const csv = await generateCsv(path.join(work, `data-${rows}.csv`), rows);
const out = (name) => path.join(work, name);
const workflowFile = (name, workflow) => {
  const file = path.join(work, name);
  fs.writeFileSync(file, JSON.stringify(workflow, null, 2));
  return file;
};

const repeats = rows >= 1_000_000 ? 1 : 3;
const runJob = (script, jobArgs) => median3(Array.from({ length: repeats }, () => job(script, jobArgs)));

// DuckDB and Weft alternate for `--rounds` rounds (default 3): the machine's load swings from
// second to second, so each round's ratio compares runs made moments apart, and the median is kept.
const rounds = Math.max(1, Number(option('--rounds', '3')));
const pairs = [];
const pipelineFile = workflowFile('pipeline.weft.json', pipelineWorkflow(csv, out('weft.csv')));
for (let round = 1; round <= rounds; round++) {
  log(`pipeline: DuckDB, then Weft (round ${round} of ${rounds})…`);
  const duck = job('duckdbPipeline.mjs', [csv, out('duckdb.csv')]);
  const w = job('weftRun.mjs', [pipelineFile, weftHome]);
  if (w.status !== 'ok') throw new Error(`Weft pipeline failed: ${w.failures.join('\n')}`);
  pairs.push({ weft: w, duckdb: duck, ratio: w.wall_s / duck.wall_s });
}
pairs.sort((a, b) => a.ratio - b.ratio);
const middle = pairs[Math.floor(pairs.length / 2)];
const weft = middle.weft;
const duckdb = middle.duckdb;
log('pipeline: Arquero…');
const arquero = runJob('arqueroPipeline.mjs', [csv, out('arquero.csv')]);
const vsDuck = compareOutputs(out('duckdb.csv'), out('weft.csv'));
const vsArquero = compareOutputs(out('duckdb.csv'), out('arquero.csv'));
log(`outputs: weft vs duckdb ${vsDuck.detail}; arquero vs duckdb ${vsArquero.detail}`);

log('streaming…');
const streaming = runJob('weftRun.mjs', [workflowFile('streaming.weft.json', streamingWorkflow(csv, out('streaming.csv'))), weftHome]);
if (streaming.status !== 'ok') throw new Error(`Weft streaming failed: ${streaming.failures.join('\n')}`);

// "a stream must not grow with the input": the same stream over a fifth of the rows, for comparison
let smaller = null;
if (rows >= 1_000_000) {
  const fewer = Math.round(rows / 5);
  log(`streaming over ${fewer.toLocaleString('en')} rows (flatness)…`);
  const smallCsv = await generateCsv(path.join(work, `data-${fewer}.csv`), fewer);
  const run = job('weftRun.mjs', [workflowFile('streaming-small.weft.json', streamingWorkflow(smallCsv, out('streaming-small.csv'))), weftHome]);
  if (run.status !== 'ok') throw new Error(`Weft streaming (${fewer} rows) failed: ${run.failures.join('\n')}`);
  smaller = { rows: fewer, wall_s: run.wall_s, peak_rss_mb: run.peak_rss_mb };
}

// Multi-Row Formula, Cross Tab, Transpose, RegEx and Text To Columns in one stream: at
// `--reshape-rows` (default 1M) and three times that, to show its memory does not grow with the input.
const reshapeRows = Number(option('--reshape-rows', '1000000'));
const reshapeAt = async (n) => {
  log(`reshape over ${n.toLocaleString('en')} rows…`);
  const file = await generateCsv(path.join(work, `data-${n}.csv`), n);
  const run = job('weftRun.mjs', [workflowFile(`reshape-${n}.weft.json`, reshapeWorkflow(file, out(`reshape-${n}.csv`))), weftHome]);
  if (run.status !== 'ok') throw new Error(`Weft reshape (${n} rows) failed: ${run.failures.join('\n')}`);
  return { rows: n, wall_s: run.wall_s, peak_rss_mb: run.peak_rss_mb };
};
const reshape = await reshapeAt(reshapeRows);
const reshapeDuck = job('duckdbReshape.mjs', [path.join(work, `data-${reshapeRows}.csv`), out('reshape-duckdb.csv')]);
const reshapeMatch = compareReshape(out('reshape-duckdb.csv'), out(`reshape-${reshapeRows}.csv`));
log(`reshape outputs: weft vs duckdb ${reshapeMatch.detail}`);
const reshapeLarger = await reshapeAt(reshapeRows * 3);
// issue 15: one worker per tool at once made a 1,000-tool chain peak at ~10 GB
const chainTools = Number(option('--chain', '1000'));
log(`a chain of ${chainTools.toLocaleString('en')} tools…`);
const chainRun = job('weftRun.mjs', [workflowFile('chain.weft.json', chainWorkflow(chainTools)), weftHome]);
if (chainRun.status !== 'ok') throw new Error(`Weft chain of ${chainTools} tools failed: ${chainRun.failures.join('\n')}`);

// issue 11: the anchor cache's write cost on the pipeline, and an incremental re-run after an edit
log('anchor cache: pipeline without and with the cache, then an incremental run…');
const cache = job('weftCache.mjs', [pipelineFile, weftHome, option('--cache-rounds', '2')]);

// issue 15: Join holds both inputs; its peak RSS grows with the rows (20M rows measured ~4.9 GB before)
const joinRows = Number(option('--join', '1000000'));
log(`a join of ${joinRows.toLocaleString('en')} rows with itself…`);
const joinCsv = await generateCsv(path.join(work, `data-${joinRows}.csv`), joinRows);
const joinRun = job('weftRun.mjs', [workflowFile('join.weft.json', joinWorkflow(joinCsv, out('join-out.csv'))), weftHome]);
if (joinRun.status !== 'ok') throw new Error(`Weft join of ${joinRows} rows failed: ${joinRun.failures.join('\n')}`);

log('update-only latency and run overhead…');
const latency = job('weftLatency.mjs', [weftHome]);

// issue 14 part 7: a scripted `weft run` of the example, cold, beside `node -e 0`
log('cold start…');
const coldStart = job('coldStart.mjs', [weftHome, option('--cold-rounds', '7')]);

const pick = (r) => ({ wall_s: r.wall_s, peak_rss_mb: r.peak_rss_mb });
const result = {
  pipeline: {
    rows,
    weft: pick(weft),
    duckdb: pick(duckdb),
    arquero: pick(arquero),
    ratio_duckdb: middle.ratio,
    ratio_arquero: weft.wall_s / arquero.wall_s,
    outputs_match: vsDuck.match && vsArquero.match,
    /** every DuckDB/Weft round, by ratio; the figures above are the median round's */
    rounds: pairs.map((p) => ({ weft_s: p.weft.wall_s, duckdb_s: p.duckdb.wall_s, ratio: p.ratio, weft_rss_mb: p.weft.peak_rss_mb })),
  },
  streaming: { rows, wall_s: streaming.wall_s, peak_rss_mb: streaming.peak_rss_mb, ...(smaller ? { smaller } : {}) },
  reshape: { ...reshape, duckdb_wall_s: reshapeDuck.wall_s, outputs_match: reshapeMatch.match, larger: reshapeLarger },
  anchor_cache: cache,
  chain: { tools: chainTools, wall_s: chainRun.wall_s, peak_rss_mb: chainRun.peak_rss_mb },
  join: { rows: joinRows, wall_s: joinRun.wall_s, peak_rss_mb: joinRun.peak_rss_mb },
  update_only: latency.update_only,
  run_overhead: latency.run_overhead,
  cold_start: { weft_run_s: coldStart.weft_run_s, node_s: coldStart.node_s, rounds: coldStart.rounds },
  machine: { cpus: os.cpus().length, node: process.version, date: new Date().toISOString() },
};

const stamp = result.machine.date.replace(/[:.]/g, '-');
fs.mkdirSync(path.join(here, 'results'), { recursive: true });
fs.writeFileSync(path.join(here, 'results', `bench-${stamp}.json`), JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(path.join(here, 'results', `bench-${stamp}.svg`), renderChart(result));
fs.writeFileSync(path.join(here, 'results', 'latest.json'), JSON.stringify(result, null, 2) + '\n');
fs.writeFileSync(path.join(here, 'results', 'latest.svg'), renderChart(result));
fs.rmSync(weftHome, { recursive: true, force: true });

if (json) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  const p = result.pipeline;
  const f = (n, d = 2) => n.toFixed(d);
  console.log(`\n| part | figure | value | target |\n| --- | --- | --- | --- |`);
  console.log(`| pipeline (${rows.toLocaleString('en')} rows) | Weft wall / peak RSS | ${f(p.weft.wall_s)} s / ${f(p.weft.peak_rss_mb, 0)} MB | RSS ≤ 400 MB |`);
  console.log(`| | DuckDB wall / peak RSS | ${f(p.duckdb.wall_s)} s / ${f(p.duckdb.peak_rss_mb, 0)} MB | |`);
  console.log(`| | Arquero wall / peak RSS | ${f(p.arquero.wall_s)} s / ${f(p.arquero.peak_rss_mb, 0)} MB | |`);
  console.log(`| | Weft ÷ DuckDB | ${f(p.ratio_duckdb)} (median of ${p.rounds.length} rounds: ${p.rounds.map((r) => f(r.ratio)).join(', ')}) | ≤ 3.0 |`);
  console.log(`| | Weft ÷ Arquero | ${f(p.ratio_arquero)} | ≤ 0.4 |`);
  console.log(`| | outputs match | ${p.outputs_match} | true |`);
  console.log(`| streaming | wall / peak RSS | ${f(result.streaming.wall_s)} s / ${f(result.streaming.peak_rss_mb, 0)} MB | ≤ 300 MB |`);
  if (smaller) console.log(`| | same stream, ${smaller.rows.toLocaleString('en')} rows | ${f(smaller.wall_s)} s / ${f(smaller.peak_rss_mb, 0)} MB | flat |`);
  const r = result.reshape;
  console.log(`| reshape (${r.rows.toLocaleString('en')} rows; Text To Columns, RegEx, Multi-Row, Transpose, Cross Tab) | wall / peak RSS | ${f(r.wall_s)} s / ${f(r.peak_rss_mb, 0)} MB (DuckDB ${f(r.duckdb_wall_s)} s) | bounded |`);
  console.log(`| | same stream, ${r.larger.rows.toLocaleString('en')} rows | ${f(r.larger.wall_s)} s / ${f(r.larger.peak_rss_mb, 0)} MB | flat |`);
  console.log(`| | outputs match DuckDB | ${r.outputs_match} | true |`);
  console.log(`| chain of ${result.chain.tools.toLocaleString('en')} tools (1,000 rows) | wall / peak RSS | ${f(result.chain.wall_s)} s / ${f(result.chain.peak_rss_mb, 0)} MB | ≤ 2,500 MB |`);
  const c = result.anchor_cache;
  console.log(`| anchor cache (pipeline) | write overhead (median of ${c.rounds.length}) | ${f(c.write_overhead * 100, 1)} % (${f(c.cache_mb, 0)} MB kept) | ≤ 15 % |`);
  console.log(`| | re-run after editing Sort ÷ full run | ${f(c.rerun_ratio, 3)} (${f(c.incremental_s)} s, ${c.incremental_cached_tools} tools cached) | ≤ 0.1 |`);
  console.log(`| update-only (${result.update_only.tools} tools) | p50 / p95 | ${f(result.update_only.p50_ms, 1)} / ${f(result.update_only.p95_ms, 1)} ms | p95 ≤ 100 ms |`);
  console.log(`| | engine RSS after | ${f(result.update_only.rss_mb, 0)} MB | |`);
  console.log(`| run overhead (6 tools, 10 rows) | p50 | ${f(result.run_overhead.p50_ms, 1)} ms | ≤ 250 ms |`);
  console.log(`| cold \`weft run\` of the example | median wall (\`node -e 0\`) | ${f(result.cold_start.weft_run_s)} s (${f(result.cold_start.node_s)} s) | ≤ 0.5 s |`);
  console.log(`\nsaved bench/results/bench-${stamp}.json and .svg`);
}
