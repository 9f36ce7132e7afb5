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

function electronBinary(): { path: string } | { missing: string } {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof binary === 'string' && fs.existsSync(binary)) return { path: binary };
    return { missing: `Electron binary not installed here: ${String(binary)} does not exist` };
  } catch (error) {
    return { missing: `Electron binary not installed here: ${(error as Error).message.split('\n')[0]}` };
  }
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
