// `npm test`: the dependency check, typecheck, lint, unit tests, e2e; then one pass/fail summary line.
import { spawnSync } from 'node:child_process';

const steps = [
  ['dependencies', 'npm', ['run', '--silent', 'check:deps']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit', 'npx', ['vitest', 'run']],
  ['e2e', 'npx', ['playwright', 'test']],
];
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const lines = [];
for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const ok = result.status === 0;
  if (ok) passed += 1;
  else failed += 1;
  lines.push(`${ok ? 'PASS' : 'FAIL'}  ${name}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log('\n=== summary ===');
for (const line of lines) console.log(line);
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
