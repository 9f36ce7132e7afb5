// Changes made by ANOTHER process on the same data folder reach a watching registry as events:
// real `node bin/weft.mjs …` child processes (WEFT_HOME shared) install, remove and run while this
// test's registry (watchDataFolder, as the app uses it) is open. Nothing is timed: each test waits
// for its event with a generous limit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PluginChange } from '../../../shared/weftApi.js';
import { compiledSibling, projectRoot } from '../compiledPath.js';
import { createPluginRegistry, type PluginRegistry } from './pluginRegistry.js';
import { goodManifest, tempDir, writeGoodPackage } from './packageFixtures.js';

// each test starts `weft` processes; on a loaded machine each can take seconds
vi.setConfig({ testTimeout: 120_000 });

const bin = path.join(projectRoot, 'bin', 'weft.mjs');
const EVENT_LIMIT_MS = 60_000;

let dataDir: string;
let work: string;
const registries: PluginRegistry[] = [];

beforeEach(() => {
  dataDir = tempDir('watch-home');
  work = tempDir('watch-src');
});

afterEach(async () => {
  for (const created of registries.splice(0)) await created.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

async function watchingRegistry(): Promise<{ reg: PluginRegistry; changes: PluginChange[] }> {
  const reg = await createPluginRegistry({ dataDir, watchDataFolder: true });
  registries.push(reg);
  const changes: PluginChange[] = [];
  reg.onChange((change) => changes.push(change));
  return { reg, changes };
}

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node bin/weft.mjs ARGS` with this test's data folder */
function weft(args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const { INIT_CWD: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [bin, ...args], { cwd: work, env: { ...inherited, WEFT_HOME: dataDir, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** resolves with the first change (already seen or still to come) that `match` accepts */
function changeArriving(reg: PluginRegistry, changes: PluginChange[], match: (change: PluginChange) => boolean, from = changes.length): Promise<PluginChange> {
  return new Promise((resolve, reject) => {
    const seen = changes.slice(from).find(match);
    if (seen) return resolve(seen);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no matching change within ${EVENT_LIMIT_MS / 1000} s; seen: ${JSON.stringify(changes.slice(from))}`));
    }, EVENT_LIMIT_MS);
    const stop = reg.onChange((change) => {
      if (!match(change)) return;
      clearTimeout(timer);
      stop();
      resolve(change);
    });
  });
}

const explain = (o: Outcome) => `stdout: ${o.stdout}\nstderr: ${o.stderr}`;

// a tool that creates a virtual tool when it runs (the parent of `makers/made`)
const MAKER = `
export default class Maker {
  constructor(provider) { this.provider = provider; }
  async onComplete() {
    await this.provider.virtualPlugins.create({
      id: 'made', name: 'Made by a run', category: 'Presets',
      inputs: [{ name: 'Input' }], outputs: [{ name: 'Output' }], data: { offset: 7 },
    });
  }
}
`;

function writeMakers(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'maker.js'), MAKER);
  fs.writeFileSync(
    path.join(dir, 'weft-plugin.json'),
    JSON.stringify({ name: 'makers', version: '1.0.0', tools: [{ id: 'maker', name: 'Maker', entry: 'maker.js', inputs: [], outputs: [] }] }),
  );
  return dir;
}

describe('a watching registry sees other processes’ changes', () => {
  it('`weft plugins install` in another process: "installed" arrives and resolve() finds the tool', async () => {
    const { reg, changes } = await watchingRegistry();
    expect(reg.resolve('acme-tools/add-offset')).toBeUndefined();
    const arriving = changeArriving(reg, changes, (c) => c.kind === 'installed' && c.package === 'acme-tools');

    const install = await weft(['plugins', 'install', writeGoodPackage(path.join(work, 'acme'))]);
    expect(install.code, explain(install)).toBe(0);
    const change = await arriving;
    expect(change).toEqual({ kind: 'installed', package: 'acme-tools', toolIds: ['acme-tools/add-offset', 'acme-tools/second'] });
    // the registry already serves it: from the installed copy, not the source folder
    const resolved = reg.resolve('acme-tools/add-offset');
    expect(resolved?.descriptor).toMatchObject({ source: 'installed', version: '1.0.0' });
    expect(resolved?.entryPath.startsWith(path.join(dataDir, 'plugins', 'acme-tools'))).toBe(true);
    expect(reg.list().map((t) => t.id)).toContain('acme-tools/second');
    // the staging folder was never taken for a package
    expect(changes.filter((c) => c.kind === 'installed').map((c) => c.package)).toEqual(['acme-tools']);
  });

  it('`weft plugins install --force` in another process: the new version arrives, never a removal in between', async () => {
    const { reg, changes } = await watchingRegistry();
    await reg.install(writeGoodPackage(path.join(work, 'v1')));
    const from = changes.length;
    const arriving = changeArriving(reg, changes, (c) => c.kind === 'installed' && reg.resolve('acme-tools/add-offset')?.descriptor.version === '2.0.0', from);

    const upgrade = await weft(['plugins', 'install', writeGoodPackage(path.join(work, 'v2'), goodManifest('acme-tools', '2.0.0')), '--force']);
    expect(upgrade.code, explain(upgrade)).toBe(0);
    await arriving;
    // the scan shares the install's lock, so it never sees the moment between the two renames;
    // our own install (before) was not reported a second time by the watch
    expect(changes.slice(from).map((c) => c.kind)).toEqual(['installed']);
    expect(reg.resolve('acme-tools/add-offset')?.entryPath.startsWith(path.join(dataDir, 'plugins', 'acme-tools'))).toBe(true);
  });

  it('`weft plugins remove` in another process: "removed" arrives and resolve() no longer finds the tool', async () => {
    const { reg, changes } = await watchingRegistry();
    await reg.install(writeGoodPackage(path.join(work, 'acme')));
    expect(reg.resolve('acme-tools/add-offset')).toBeDefined();
    const arriving = changeArriving(reg, changes, (c) => c.kind === 'removed' && c.package === 'acme-tools');

    const remove = await weft(['plugins', 'remove', 'acme-tools']);
    expect(remove.code, explain(remove)).toBe(0);
    expect(await arriving).toEqual({ kind: 'removed', package: 'acme-tools', toolIds: ['acme-tools/add-offset', 'acme-tools/second'] });
    expect(reg.resolve('acme-tools/add-offset')).toBeUndefined();
    expect(reg.list().map((t) => t.id)).not.toContain('acme-tools/second');
  });

  it('a `weft run` in another process whose tool creates a virtual tool: "virtual-created" arrives and resolve() serves it', async () => {
    const { reg, changes } = await watchingRegistry();
    await reg.install(writeMakers(path.join(work, 'makers')));
    const workflow = path.join(work, 'make.weft.json');
    fs.writeFileSync(workflow, JSON.stringify({
      format: 'weft-workflow', version: 1,
      tools: [{ id: 'm', plugin: 'makers/maker', config: {}, position: { x: 0, y: 0 } }],
      connections: [],
    }));
    const arriving = changeArriving(reg, changes, (c) => c.kind === 'virtual-created' && c.package === 'makers');

    const run = await weft(['run', workflow, '--json']);
    expect(run.code, explain(run)).toBe(0);
    expect(await arriving).toEqual({ kind: 'virtual-created', package: 'makers', toolIds: ['makers/made'] });
    const made = reg.resolve('makers/made');
    expect(made?.descriptor).toMatchObject({ source: 'virtual', parent: 'makers/maker', name: 'Made by a run', category: 'Presets' });
    expect(made?.virtualPlugin?.data).toEqual({ offset: 7 });
    expect(made?.entryPath).toBe(reg.resolve('makers/maker')?.entryPath);

    // removing the parent package in another process takes the virtual tool with it
    const from = changes.length;
    const removed = changeArriving(reg, changes, (c) => c.kind === 'virtual-removed' && c.package === 'makers', from);
    const remove = await weft(['plugins', 'remove', 'makers']);
    expect(remove.code, explain(remove)).toBe(0);
    expect(await removed).toEqual({ kind: 'virtual-removed', package: 'makers', toolIds: ['makers/made'] });
    await changeArriving(reg, changes, (c) => c.kind === 'removed' && c.package === 'makers', from);
    expect(reg.resolve('makers/made')).toBeUndefined();
    expect(reg.resolve('makers/maker')).toBeUndefined();
  });
});

describe('the watch and the process', () => {
  it('never keeps a process alive: a script that opens a watching registry and never disposes it exits by itself', async () => {
    const registryModule = compiledSibling(import.meta.url, 'pluginRegistry.js');
    const script = `
      const { createPluginRegistry } = await import(${JSON.stringify(pathToFileURL(registryModule).href)});
      const reg = await createPluginRegistry({ dataDir: ${JSON.stringify(dataDir)}, watchDataFolder: true });
      reg.onChange(() => {});
      console.log('open', reg.list().length > 0);
    `;
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const killer = setTimeout(() => child.kill('SIGKILL'), EVENT_LIMIT_MS);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(killer);
        resolve({ code, stdout, stderr });
      });
    });
    expect(outcome.code, explain(outcome)).toBe(0);
    expect(outcome.stdout.trim()).toBe('open true');
  });
});
