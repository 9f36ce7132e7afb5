// Sums the .cpuprofile files of one run (`node --cpu-prof --cpu-prof-dir=DIR bench/jobs/weftRun.mjs
// WORKFLOW WEFT_HOME` writes one per thread): per thread, which tool it ran (by the plugin module
// it loaded), its time not idle (wall-clock samples: a runnable thread waiting for a core counts
// too), when its first packet work started, and its functions by self time.
//   node bench/cpuProfileSummary.mjs DIR [TOP]
import fs from 'node:fs';
import path from 'node:path';

const [dir, topArg = '12'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench/cpuProfileSummary.mjs DIR [TOP]');
  process.exit(2);
}
const top = Number(topArg);
const WORK = new Set(['onRecordPacket', 'onComplete', 'readSerial', 'readParallel']);

const profiles = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()
  .map((f) => ({ file: f, profile: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
const workerStarts = profiles.filter(({ profile }) => profile.nodes.some((n) => n.callFrame.url.includes('toolHostWorker'))).map(({ profile }) => profile.startTime);
const t0 = workerStarts.length > 0 ? Math.min(...workerStarts) : 0;

for (const { file, profile } of profiles) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const tool = profile.nodes.map((n) => n.callFrame.url.match(/plugins\/([a-z-]+)\/[A-Za-z]+\.js\?v=/)?.[1]).find(Boolean) ?? 'engine host';
  const self = new Map();
  let busy = 0;
  let firstWork = null;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(profile.samples[i]);
    if (node.callFrame.functionName === '(idle)') continue;
    busy += ms;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${path.basename(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    if (firstWork === null) {
      for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        if (WORK.has(byId.get(id).callFrame.functionName)) { firstWork = (t - t0) / 1000; break; }
      }
    }
  }
  const span = (profile.endTime - profile.startTime) / 1000;
  console.log(`\n${tool} (${file}): busy ${busy.toFixed(0)} ms of ${span.toFixed(0)} ms` + (firstWork === null ? '' : `, first packet work at ${firstWork.toFixed(0)} ms`));
  [...self].sort((a, b) => b[1] - a[1]).slice(0, top).forEach(([k, v]) => console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`));
}
