// `weft run --incremental` as a user runs it (a subprocess on a temp WEFT_HOME): tools unchanged
// since the last run come from the anchor cache, Output Data always runs, and a run killed with
// SIGKILL in the middle of writing its cache leaves nothing the next run would use.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../engine/compiledPath.js';

const bin = path.join(projectRoot, 'bin', 'weft.mjs');
const lifecycleTools = path.join(projectRoot, 'electron', 'engine', 'runtime', 'fixtures', 'lifecycle-tools');

vi.setConfig({ testTimeout: 90_000 });

let home: string;
let dir: string;
beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-cli-home-'));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-cli-incremental-'));
});
afterAll(() => {
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

interface RunJson {
  status: string;
  tools: Record<string, { status: string; cached: boolean; outputs: Record<string, { records?: number }> }>;
}

function start(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, WEFT_HOME: home, NO_COLOR: '1' } });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.resume();
  const done = new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
  return { child, done };
}

async function weftJson(args: string[]): Promise<RunJson> {
  const { code, stdout } = await start([...args, '--json']).done;
  expect(code).toBe(0);
  return JSON.parse(stdout) as RunJson;
}

function writeWorkflow(name: string, tools: Array<{ id: string; plugin: string; config: Record<string, unknown> }>, chain: string[][]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify({
    format: 'weft-workflow', version: 1,
    tools: tools.map((t, i) => ({ ...t, position: { x: i * 200, y: 0 } })),
    connections: chain.map(([from, to]) => ({ from: { tool: from.split('.')[0], anchor: from.split('.')[1] }, to: { tool: to.split('.')[0], anchor: to.split('.')[1] } })),
  }));
  return file;
}

describe('weft run --incremental', () => {
  it('reuses unchanged tools, always runs Output Data, and says which in --json', async () => {
    fs.writeFileSync(path.join(dir, 'in.csv'), 'a,b\n1,x\n2,y\n3,z\n');
    const file = writeWorkflow('flow.weft.json', [
      { id: 'in', plugin: 'weft/input-data', config: { path: 'in.csv' } },
      { id: 'calc', plugin: 'weft/formula', config: { formulas: [{ field: 'c', type: 'int32', expression: '[a] * 10' }] } },
      { id: 'out', plugin: 'weft/output-data', config: { path: 'out.csv' } },
    ], [['in.Output', 'calc.Input'], ['calc.Output', 'out.Input']]);

    const plain = await weftJson(['run', file]);
    expect(Object.values(plain.tools).map((t) => t.cached)).toEqual([false, false, false]);
    const first = await weftJson(['run', file, '--incremental']);
    expect(Object.values(first.tools).map((t) => t.cached)).toEqual([false, false, false]);
    fs.rmSync(path.join(dir, 'out.csv'));
    const second = await weftJson(['run', file, '--incremental']);
    expect(second.tools.in.cached).toBe(true);
    expect(second.tools.calc.cached).toBe(true);
    expect(second.tools.out.cached).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8')).toMatch(/^a,b,c\r?\n1,x,10\r?\n2,y,20\r?\n3,z,30/);
  });

  it('after kill -9 in the middle of a run, the next run is right and the half-written folder is removed', async () => {
    const file = writeWorkflow('slow.weft.json', [
      { id: 's', plugin: 'lt/source', config: { rows: 600, packetSize: 10 } },
      { id: 'slow', plugin: 'lt/recorder', config: { delayMs: 25 } },
    ], [['s.Output', 'slow.Input']]);
    const killed = start(['run', file, '--incremental', '--plugins', lifecycleTools]);
    const partial = await waitForPartialFolder();
    killed.child.kill('SIGKILL');
    await killed.done;
    expect(fs.existsSync(partial)).toBe(true);

    const next = await weftJson(['run', file, '--incremental', '--plugins', lifecycleTools]);
    expect(next.status).toBe('ok');
    expect(next.tools.slow.cached).toBe(false);
    expect(next.tools.slow.outputs.Output.records).toBe(600);
    expect(fs.existsSync(partial)).toBe(false);
  });
});

/** a tool's cache folder under `.partial` appears once the killed run writes its first packets */
async function waitForPartialFolder(): Promise<string> {
  const runs = path.join(home, 'runs');
  for (let i = 0; i < 600; i++) {
    for (const runId of fs.existsSync(runs) ? fs.readdirSync(runs) : []) {
      const partialRoot = path.join(runs, runId, '.anchor-cache', '.partial');
      const folders = fs.existsSync(partialRoot) ? fs.readdirSync(partialRoot) : [];
      const writing = folders.map((f) => path.join(partialRoot, f)).find((f) => fs.readdirSync(f).some((name) => fs.statSync(path.join(f, name)).size > 0));
      if (writing) return writing;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the run never started writing its cache');
}
