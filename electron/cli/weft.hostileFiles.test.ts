// `weft run` on paths that are not regular files. A FIFO as an Input Data path blocked the tool's
// worker in a synchronous open: `weft run --timeout 5` never ended, and a FIFO as the workflow
// file blocked the command itself.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../engine/compiledPath.js';

const bin = path.join(projectRoot, 'bin', 'weft.mjs');
let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-cli-hostile-')); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function weft(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, WEFT_HOME: path.join(dir, 'home'), NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('weft run with FIFOs', () => {
  it('an Input Data path that is a FIFO: the run ends with a clear error (exit 1)', async () => {
    const pipe = path.join(dir, 'in.csv');
    execFileSync('mkfifo', [pipe]);
    const workflow = path.join(dir, 'flow.weft.json');
    fs.writeFileSync(workflow, JSON.stringify({
      format: 'weft-workflow', version: 1, connections: [],
      tools: [{ id: 't1', plugin: 'weft/input-data', config: { path: 'in.csv' }, position: { x: 0, y: 0 } }],
    }));
    const outcome = await weft(['run', workflow, '--json', '--timeout', '5']);
    expect(outcome.code, outcome.stderr).toBe(1);
    const summary = JSON.parse(outcome.stdout) as { tools: Record<string, { messages: { text: string }[] }> };
    expect(summary.tools.t1.messages.map((m) => m.text).join('\n')).toMatch(/in\.csv \(.*\): is a named pipe \(FIFO\), not a regular file/);
  });

  it('a workflow file that is a FIFO: exit 2 naming the file', async () => {
    const pipe = path.join(dir, 'pipe.weft.json');
    execFileSync('mkfifo', [pipe]);
    const outcome = await weft(['run', pipe]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('is a named pipe (FIFO), not a regular file');
  });
});
