// `npm test`: the dependency check, typecheck, lint, unit tests, e2e; then one pass/fail summary line.
// The three static checks run side by side (each is single-threaded; the machine has two cores or
// more), their output printed step by step once each ends; the tests then run one after the other.
import { spawn } from 'node:child_process';

const groups = [
  [
    ['dependencies', 'npm', ['run', '--silent', 'check:deps']],
    ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
    ['lint', 'npm', ['run', '--silent', 'lint']],
  ],
  [['unit', 'npx', ['vitest', 'run']]],
  [['e2e', 'npx', ['playwright', 'test']]],
];
const only = process.argv.slice(2);

/** runs one step; alone, its output goes straight to the terminal, beside others it is kept until it ends */
function runStep([name, command, args], alone) {
  const started = Date.now();
  if (alone) console.log(`\n=== ${name} ===`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout?.on('data', (chunk) => chunks.push(chunk));
    child.stderr?.on('data', (chunk) => chunks.push(chunk));
    const finish = (ok) => resolve({ name, ok, seconds: (Date.now() - started) / 1000, output: Buffer.concat(chunks).toString() });
    child.on('error', (error) => {
      chunks.push(Buffer.from(`${command}: ${error.message}\n`));
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
  });
}

const results = [];
for (const group of groups) {
  const steps = group.filter(([name]) => only.length === 0 || only.includes(name));
  if (steps.length === 0) continue;
  const alone = steps.length === 1;
  const ended = await Promise.all(steps.map((step) => runStep(step, alone)));
  for (const result of ended) {
    if (!alone) process.stdout.write(`\n=== ${result.name} ===\n${result.output}`);
    results.push(result);
  }
}
console.log('\n=== summary ===');
for (const { name, ok, seconds } of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}  (${seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
