// Takes the README screenshot: starts `npm run web` with a temporary data folder, opens
// e2e/fixtures/workflows/readme-sales.weft.json next to a copy of examples/sales.csv, runs it,
// selects the sort tool and saves docs/screenshot.png
// (1280×800, Debian's Chromium). Usage: node e2e/screenshot.mjs [OUTPUT.png] [--dark]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const output = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? path.join(root, 'docs', 'screenshot.png'));
const dark = args.includes('--dark');

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-screenshot-'));
const examples = path.join(temp, 'examples');
fs.cpSync(path.join(root, 'examples'), examples, { recursive: true });
const workflow = path.join(examples, 'readme-sales.weft.json');
fs.copyFileSync(path.join(root, 'e2e', 'fixtures', 'workflows', 'readme-sales.weft.json'), workflow);

const server = spawn(process.execPath, [path.join(root, 'scripts', 'web.mjs'), '--port', '0'], {
  cwd: root, env: { ...process.env, WEFT_HOME: path.join(temp, 'home') }, stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const match = /Weft is running at (\S+)/.exec(text);
      if (match) resolve(match[1]);
    });
    server.once('exit', (code) => reject(new Error(`npm run web exited with ${code}`)));
  });
  const browser = await chromium.launch({ executablePath: process.env.WEFT_E2E_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: dark ? 'dark' : 'light' });
  const address = new URL(url);
  address.searchParams.set('open', workflow);
  await page.goto(address.href);
  await page.locator('[data-tool-id]').first().waitFor();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('[data-records]').first().waitFor();
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor({ state: 'visible' });
  await page.waitForFunction(() => !document.querySelector('[data-status="running"]'));
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await page.waitForTimeout(500);
  await page.locator('[data-tool-id="sort"] .tool-node-header').click();
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if (await dismiss.count()) await dismiss.first().click();
  await page.getByRole('region', { name: 'Results' }).getByRole('grid').waitFor();
  await page.mouse.move(640, 790);
  await page.waitForTimeout(500);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  await browser.close();
  console.log(`saved ${output}`);
} finally {
  server.kill('SIGTERM');
  fs.rmSync(temp, { recursive: true, force: true });
}
