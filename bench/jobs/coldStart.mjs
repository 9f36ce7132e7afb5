// Cold `weft run` of examples/sales.weft.json (2,000 rows, 6 tools) as a script would call it, beside
// `node -e 0` in the same rounds: the machine is shared, so the two alternate and the medians are
// kept. Prints { weft_run_s, node_s, rounds }.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [weftHome, roundsArg = '7'] = process.argv.slice(2);
const root = path.resolve(import.meta.dirname, '..', '..');
const example = path.join(root, 'examples', 'sales.weft.json');
// the example writes its output beside itself: run a copy in a scratch folder
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-cold-'));
fs.copyFileSync(example, path.join(work, 'sales.weft.json'));
fs.copyFileSync(path.join(root, 'examples', 'sales.csv'), path.join(work, 'sales.csv'));

function timed(args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env: { ...process.env, WEFT_HOME: weftHome }, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status}):\n${result.stderr}`);
  return seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const weft = [];
const node = [];
for (let round = 0; round < Number(roundsArg); round++) {
  weft.push(timed([path.join(root, 'bin', 'weft.mjs'), 'run', path.join(work, 'sales.weft.json'), '--json']));
  node.push(timed(['-e', '0']));
}
fs.rmSync(work, { recursive: true, force: true });
process.stdout.write(JSON.stringify({ weft_run_s: median(weft), node_s: median(node), rounds: weft.map((w, i) => ({ weft_run_s: w, node_s: node[i] })) }) + '\n');
