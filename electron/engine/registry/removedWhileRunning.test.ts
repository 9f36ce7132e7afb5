// A package removed by another process (`weft plugins remove` in a terminal) while a workflow of
// this process uses it: the run ends with an error on that tool, naming the place, and nothing of
// the package comes back (no orphan state); other branches finish. Real worker threads, real files,
// a real `weft` child process. Nothing is timed: waits are bounded by a generous limit only.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../../shared/runEvents.js';
import type { PluginChange } from '../../../shared/weftApi.js';
import { projectRoot } from '../compiledPath.js';
import { WorkflowRunner } from '../runtime/workflowRunner.js';
import { testWorkflow } from '../testing/index.js';
import { tempDir } from './packageFixtures.js';
import { createPluginRegistry, type PluginRegistry } from './pluginRegistry.js';

vi.setConfig({ testTimeout: 120_000 });

const bin = path.join(projectRoot, 'bin', 'weft.mjs');
const LIMIT_MS = 60_000;

// waits until the file `release` exists beside `started` (written first), then writes state and rows
const GATED = `
import fs from 'node:fs';
export default class Gated {
  constructor(provider) {
    this.provider = provider;
    this.out = provider.getOutputAnchor('Output');
    this.out.open({ fields: [{ name: 'n', type: 'int32' }] });
  }
  async onComplete() {
    const { gate } = this.provider.toolConfig;
    fs.writeFileSync(gate + '.started', '');
    while (!fs.existsSync(gate + '.release')) await new Promise((r) => setTimeout(r, 20));
    await this.provider.state.set('ran', true);
    await this.out.write([{ n: 1 }]);
  }
}
`;

const ROWS = `
export default class Rows {
  constructor(provider) {
    this.out = provider.getOutputAnchor('Output');
    this.out.open({ fields: [{ name: 'n', type: 'int32' }] });
  }
  async onComplete() { await this.out.write([{ n: 1 }, { n: 2 }]); }
}
`;

let dataDir: string;
let work: string;
const disposers: Array<() => Promise<void>> = [];

beforeEach(() => {
  dataDir = tempDir('removed-home');
  work = tempDir('removed-src');
});

afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

function writeGatedPackage(): string {
  const dir = path.join(work, 'gated');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'gated.js'), GATED);
  fs.writeFileSync(path.join(dir, 'weft-plugin.json'), JSON.stringify({
    name: 'gated', version: '1.0.0',
    tools: [{ id: 'gated', name: 'Gated', entry: 'gated.js', inputs: [], outputs: [{ name: 'Output' }], configSchema: { type: 'object' } }],
  }));
  return dir;
}

function writeRowsFolder(): string {
  const dir = path.join(work, 'rows');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'rows.js'), ROWS);
  fs.writeFileSync(path.join(dir, 'weft-plugin.json'), JSON.stringify({
    name: 'rows', version: '1.0.0', tools: [{ id: 'rows', name: 'Rows', entry: 'rows.js', inputs: [], outputs: [{ name: 'Output' }] }],
  }));
  return dir;
}

async function engine(watchDataFolder: boolean): Promise<{ registry: PluginRegistry; run(workflow: ReturnType<typeof testWorkflow>): Promise<RunSummary> }> {
  const registry = await createPluginRegistry({ dataDir, watchDataFolder, loadedDirs: [writeRowsFolder()] });
  const runner = new WorkflowRunner({ resolver: registry, services: registry.services, weftVersion: 'test' });
  disposers.push(async () => {
    await runner.dispose();
    await registry.dispose();
  });
  return { registry, run: (workflow) => runner.run(workflow, { workflowDir: null, mode: 'full', onEvent: () => undefined }) };
}

function removeInAnotherProcess(name: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const { INIT_CWD: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [bin, 'plugins', 'remove', name], { cwd: work, env: { ...inherited, WEFT_HOME: dataDir, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function waitForFile(file: string): Promise<void> {
  for (const started = Date.now(); !fs.existsSync(file); ) {
    if (Date.now() - started > LIMIT_MS) throw new Error(`${file} did not appear within ${LIMIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const errorsOf = (summary: RunSummary, toolId: string) =>
  (summary.tools[toolId]?.messages ?? []).filter((m) => m.level === 'error').map((m) => m.text).join('\n');

describe('a package removed by another process while a workflow uses it', () => {
  it('a running tool of it fails cleanly on its next write; the other branch finishes; no orphan state', async () => {
    const { registry, run } = await engine(true);
    await registry.install(writeGatedPackage());
    const gate = path.join(work, 'gate');
    const workflow = testWorkflow({ g: { plugin: 'gated/gated', config: { gate } }, r: { plugin: 'rows/rows' } });
    const removed = new Promise<PluginChange>((resolve) => registry.onChange((c) => c.kind === 'removed' && resolve(c)));

    const running = run(workflow);
    // (a run that ends before the tool starts waiting is reported as it is, not as a missing file)
    await Promise.race([waitForFile(`${gate}.started`), running.then((s) => Promise.reject(new Error(`run ended early: ${JSON.stringify(s)}`)))]);
    const remove = await removeInAnotherProcess('gated');
    expect(remove.code, remove.output).toBe(0);
    await removed;
    fs.writeFileSync(`${gate}.release`, '');
    const summary = await running;

    expect(summary.status).toBe('error');
    expect(summary.tools.g?.status).toBe('error');
    expect(errorsOf(summary, 'g')).toMatch(/the plugin package "gated" is not installed any more/);
    expect(summary.tools.r?.status).toBe('ok');
    expect(fs.existsSync(path.join(dataDir, 'state', 'gated.json'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'plugins', 'gated'))).toBe(false);

    // the next run: the tool is unknown, said before anything runs
    const next = await run(workflow);
    expect(next.status).toBe('error');
    expect(errorsOf(next, 'g')).toMatch(/plugin 'gated\/gated' is not installed/);
    expect(next.tools.r?.status).toBe('ok');
  });

  it('a process that has not noticed the removal (no watch, like `weft run`) fails the tool naming its missing entry', async () => {
    const { registry, run } = await engine(false);
    await registry.install(writeGatedPackage());
    const remove = await removeInAnotherProcess('gated');
    expect(remove.code, remove.output).toBe(0);
    // still listed here (nothing told this registry), but its files are gone
    expect(registry.resolve('gated/gated')).toBeDefined();

    const gate = path.join(work, 'gate');
    fs.writeFileSync(`${gate}.release`, '');
    const summary = await run(testWorkflow({ g: { plugin: 'gated/gated', config: { gate } }, r: { plugin: 'rows/rows' } }));
    expect(summary.status).toBe('error');
    expect(summary.tools.g?.status).toBe('error');
    expect(errorsOf(summary, 'g')).toContain(path.join(dataDir, 'plugins', 'gated', 'gated.js'));
    expect(summary.tools.r?.status).toBe('ok');
    expect(fs.existsSync(path.join(dataDir, 'state', 'gated.json'))).toBe(false);
  });
});
