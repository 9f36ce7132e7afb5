import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

it('docs/tools.md matches the built-in manifests (regenerate with node scripts/genToolDocs.mjs)', () => {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'genToolDocs.mjs'), '--check'], { encoding: 'utf8' });
  expect(result.stderr + result.stdout).not.toMatch(/stale|differs|out of date/i);
  expect(result.status).toBe(0);
});
