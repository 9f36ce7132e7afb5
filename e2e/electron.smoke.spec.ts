/**
 * The desktop app, launched for real: open a window, add a tool, run. Runs where Electron's
 * binary is installed; elsewhere it reports itself skipped with the reason.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the `electron` package keeps its binary (the same lookup as its index.js, without
 * requiring it: requiring it starts a download when the binary is missing).
 */
function electronBinary(): { path: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'Electron binary not installed here: the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative ?? 'electron') : relative ? path.join(packageDir, 'dist', relative) : null;
  if (binary && fs.existsSync(binary)) return { path: binary };
  return {
    missing: `Electron binary not installed here: ${binary ?? path.join(packageDir, 'path.txt')} does not exist (its download needs network access)`,
  };
}

test('the desktop app opens, adds a tool and runs', async () => {
  const binary = electronBinary();
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '');
  if (!('path' in binary)) return;
  const main = path.join(root, 'dist', 'electron', 'main', 'main.js');
  test.skip(!fs.existsSync(main), 'the app is not built: run `npm run build` first');

  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-electron-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [root, '--plugins', path.join(root, 'e2e', 'fixtures', 'plugins', 'e2e-tools')],
    env: { ...process.env, WEFT_HOME: home },
  });
  try {
    const window = await app.firstWindow();
    const palette = window.getByRole('region', { name: 'Tools' });
    await expect(palette.getByRole('button', { name: 'Number Rows', exact: true })).toBeVisible();
    await palette.getByRole('button', { name: 'Number Rows', exact: true }).dblclick();
    const tool = window.locator('[data-plugin="e2e-tools/number-rows"]');
    await expect(tool).toHaveCount(1);
    await window.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(tool).toHaveAttribute('data-status', 'ok');
  } finally {
    await app.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
});
