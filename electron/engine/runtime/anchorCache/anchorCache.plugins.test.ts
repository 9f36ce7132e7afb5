/**
 * A plugin's code is part of what a cached output depends on: a development reload or a reinstall
 * with a new version makes its tools (and what follows them) run again. A tool whose manifest says
 * `"cacheable": false` always runs.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../shared/runEvents.js';
import { createTestEngine, testWorkflow, type TestEngine } from '../../testing/index.js';

let engine: TestEngine;
let scratch: string;

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'weft-cache-plugins-'));
  engine = await createTestEngine();
});
afterAll(async () => {
  await engine?.dispose();
  await fs.rm(scratch, { recursive: true, force: true });
});

/** a package with one source tool writing `value` in one row, and a copy of it that is not cacheable */
async function writePackage(name: string, version: string, value: number): Promise<string> {
  const dir = path.join(scratch, `${name}-${version}-${value}`);
  await fs.mkdir(dir, { recursive: true });
  const tool = (id: string, cacheable: boolean) => ({ id, name: id, entry: 'gen.js', inputs: [], outputs: [{ name: 'Output' }], cacheable });
  await fs.writeFile(path.join(dir, 'weft-plugin.json'), JSON.stringify({ name, version, tools: [tool('gen', true), tool('random', false)] }));
  await fs.writeFile(path.join(dir, 'gen.js'), `
    const metadata = { fields: [{ name: 'v', type: 'int32' }] };
    export default class Gen {
      constructor(provider) { this.output = provider.getOutputAnchor('Output'); this.output.open(metadata); }
      async onComplete() { await this.output.write([{ v: ${value} }]); }
    }`);
  return dir;
}

const cached = (summary: RunSummary, id: string) => summary.tools[id].cached === true;

describe('plugin changes and the anchor cache', () => {
  it('a development reload of the plugin makes its tool run again', async () => {
    const workflow = testWorkflow({ g: { plugin: 'dev-gen/gen' }, r: { plugin: 'dev-gen/random' } });
    const source = path.join(scratch, 'dev');
    await fs.cp(await writePackage('dev-gen', '1.0.0', 1), source, { recursive: true });
    await engine.registry.loadFolder(source, { watch: false });
    await engine.run(workflow, { cache: 'keep', workflowKey: 'dev' });
    const unchanged = await engine.run(workflow, { cache: 'reuse', workflowKey: 'dev' });
    expect(cached(unchanged.summary, 'g')).toBe(true);
    expect(cached(unchanged.summary, 'r')).toBe(false);

    await fs.cp(await writePackage('dev-gen', '1.0.0', 2), source, { recursive: true });
    await engine.registry.loadFolder(source, { watch: false });
    const reloaded = await engine.run(workflow, { cache: 'reuse', workflowKey: 'dev' });
    expect(cached(reloaded.summary, 'g')).toBe(false);
    expect(reloaded.previews['g.Output']).toEqual([{ v: 2 }]);
  });

  it('a reinstall with a new version makes its tool run again', async () => {
    const workflow = testWorkflow({ g: { plugin: 'inst-gen/gen' } });
    await engine.registry.install(await writePackage('inst-gen', '1.0.0', 1));
    await engine.run(workflow, { cache: 'keep', workflowKey: 'installed' });
    expect(cached((await engine.run(workflow, { cache: 'reuse', workflowKey: 'installed' })).summary, 'g')).toBe(true);
    await engine.registry.install(await writePackage('inst-gen', '2.0.0', 3), { force: true });
    const after = await engine.run(workflow, { cache: 'reuse', workflowKey: 'installed' });
    expect(cached(after.summary, 'g')).toBe(false);
    expect(after.previews['g.Output']).toEqual([{ v: 3 }]);
  });
});
