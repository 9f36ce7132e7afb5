import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function files(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files(full, out);
    else out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out;
}

it('dist/ (what the app packs) holds no test-only code: harness, testkits, testbed, fixtures, tests', () => {
  // the global setup has built dist/ from the current sources
  const built = files(path.join(root, 'dist', 'electron')).concat(files(path.join(root, 'dist', 'plugins')), files(path.join(root, 'dist', 'shared')));
  expect(built.length).toBeGreaterThan(100);
  expect(built.filter((file) => /\/testing\/|Testkit|Testbed|Fixtures\.js$|\.test\.js$/.test(file))).toEqual([]);
  expect(built).toContain('dist/electron/engine/runtime/workflowRunner.js');
});
