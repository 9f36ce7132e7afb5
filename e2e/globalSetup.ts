/**
 * Starts the browser-mode server once for the whole suite, as a user would (`npm run web`, which
 * builds what is stale), on a free port with a temporary data folder and the e2e test plugins
 * loaded. Tests read the address from WEFT_E2E_URL and a scratch folder from WEFT_E2E_WORK.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const READY = /Weft is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;
const START_TIMEOUT_MS = 240_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-e2e-'));
  const home = path.join(base, 'home');
  const work = path.join(base, 'work');
  fs.mkdirSync(home);
  fs.mkdirSync(work);

  const server = spawn(process.execPath, [
    path.join(root, 'scripts', 'web.mjs'), '--port', '0',
    '--plugins', path.join(root, 'e2e', 'fixtures', 'plugins', 'e2e-tools'),
  ], { cwd: root, env: { ...process.env, WEFT_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });

  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run web did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run web exited with code ${code}:\n${output}`));
    });
  });
  server.removeAllListeners('exit');
  server.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));

  process.env.WEFT_E2E_URL = url;
  process.env.WEFT_E2E_HOME = home;
  process.env.WEFT_E2E_WORK = work;

  return async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    fs.rmSync(base, { recursive: true, force: true });
  };
}
