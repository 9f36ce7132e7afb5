import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PluginChange } from '../../../shared/weftApi.js';
import { createPluginServices } from '../stores/pluginServices.js';
import { goodManifest, writeGoodPackage } from './packageFixtures.js';
import { useRegistryTestbed } from './registryTestbed.js';

const bed = useRegistryTestbed();

const definition = {
  id: 'plus-ten',
  name: 'Plus ten',
  category: 'Presets',
  inputs: [{ name: 'Input' }],
  outputs: [{ name: 'Output' }],
  configSchema: { type: 'object', properties: { label: { type: 'string' } } },
  data: { offset: 10 },
};

describe('virtual plugins', () => {
  it('create → list → resolve → remove, with the palette told at once (no rescan)', async () => {
    const reg = await bed.registry();
    await reg.install(writeGoodPackage(path.join(bed.work, 'acme')));
    // the services a run uses are created separately from the registry, as the engine host does
    const services = createPluginServices(bed.dataDir);
    const seen: Array<{ change: PluginChange; listed: string[] }> = [];
    reg.onChange((change) => seen.push({ change, listed: reg.list().map((t) => t.id) }));

    const record = await services.virtualPlugins.create('acme-tools/add-offset', definition);
    expect(record).toMatchObject({ id: 'plus-ten', parent: 'acme-tools/add-offset', package: 'acme-tools', data: { offset: 10 } });
    // the event was delivered before create() resolved, and the registry already lists the tool
    expect(seen).toHaveLength(1);
    expect(seen[0].change).toEqual({ kind: 'virtual-created', package: 'acme-tools', toolIds: ['acme-tools/plus-ten'] });
    expect(seen[0].listed).toContain('acme-tools/plus-ten');

    const resolved = reg.resolve('acme-tools/plus-ten');
    expect(resolved?.descriptor).toMatchObject({ source: 'virtual', parent: 'acme-tools/add-offset', category: 'Presets', version: '1.0.0' });
    expect(resolved?.entryPath).toBe(reg.resolve('acme-tools/add-offset')?.entryPath);
    expect(resolved?.virtualPlugin?.data).toEqual({ offset: 10 });
    expect(resolved?.validateConfig({ label: 'x' })).toEqual([]);
    expect(resolved?.validateConfig({ label: 3 })).toEqual(['config.label: must be string']);
    expect((await services.virtualPlugins.list('acme-tools/add-offset')).map((r) => r.id)).toEqual(['plus-ten']);
    expect(await services.virtualPlugins.list('acme-tools/second')).toEqual([]);

    // persisted: a new registry (another process, a restart) serves it
    const fresh = await bed.registry();
    expect(fresh.resolve('acme-tools/plus-ten')?.virtualPlugin?.name).toBe('Plus ten');

    // creating the same id again from the same parent replaces it
    await services.virtualPlugins.create('acme-tools/add-offset', { ...definition, name: 'Plus ten (v2)' });
    expect(reg.resolve('acme-tools/plus-ten')?.descriptor.name).toBe('Plus ten (v2)');
    expect(await services.virtualPlugins.list('acme-tools/add-offset')).toHaveLength(1);

    await services.virtualPlugins.remove('acme-tools/add-offset', 'plus-ten');
    expect(seen.at(-1)?.change).toEqual({ kind: 'virtual-removed', package: 'acme-tools', toolIds: ['acme-tools/plus-ten'] });
    expect(seen.at(-1)?.listed).not.toContain('acme-tools/plus-ten');
    expect(reg.resolve('acme-tools/plus-ten')).toBeUndefined();
  });

  it('refuses ids that clash with a real tool or another parent’s virtual tool, and bad definitions', async () => {
    const reg = await bed.registry();
    await reg.install(writeGoodPackage(path.join(bed.work, 'acme')));
    const virtual = reg.services.virtualPlugins;
    await expect(virtual.create('acme-tools/add-offset', { ...definition, id: 'second' })).rejects.toThrow(
      /virtual plugin acme-tools\/second: the id clashes with the tool acme-tools\/second of the installed package/,
    );
    await virtual.create('acme-tools/add-offset', definition);
    await expect(virtual.create('acme-tools/second', definition)).rejects.toThrow(
      'virtual plugin acme-tools/plus-ten: the id is already taken by a virtual tool of acme-tools/add-offset',
    );
    await expect(virtual.create('acme-tools/add-offset', { ...definition, id: 'Bad Id' })).rejects.toThrow(/id "Bad Id" must match/);
    await expect(virtual.create('acme-tools/add-offset', { ...definition, inputs: [{ name: 'A' }, { name: 'A' }] })).rejects.toThrow(/"A" is used twice/);
    await expect(virtual.create('acme-tools/add-offset', { ...definition, configSchema: { type: 'nope' } })).rejects.toThrow(/configSchema: not a valid JSON Schema/);
    await expect(virtual.create('nobody/tool', definition)).rejects.toThrow(/the parent tool nobody\/tool is not known/);
    // a package installed later whose tool clashes with an existing virtual tool is refused
    const clashing = writeGoodPackage(path.join(bed.work, 'v2'), goodManifest('acme-tools', '2.0.0'));
    const manifest = JSON.parse(fs.readFileSync(path.join(clashing, 'weft-plugin.json'), 'utf8'));
    manifest.tools[1].id = 'plus-ten';
    fs.writeFileSync(path.join(clashing, 'weft-plugin.json'), JSON.stringify(manifest));
    await expect(reg.install(clashing, { force: true })).rejects.toThrow(
      /the tool acme-tools\/plus-ten clashes with the virtual tool of that id created by acme-tools\/add-offset/,
    );
  });
});

describe('development folders', () => {
  // the reload time is logged, not asserted: speed is measured by benchmarks, not tests
  it('an edit reloads the loaded folder and pushes "reloaded"', async () => {
    const reg = await bed.registry();
    const dev = writeGoodPackage(path.join(bed.work, 'dev'));
    await reg.loadFolder(dev);
    const firstEntry = reg.resolve('acme-tools/add-offset')?.entryPath as string;
    expect(firstEntry.startsWith(dev)).toBe(false);
    const reloaded = new Promise<{ change: PluginChange; ms: number }>((resolve) => {
      const started = performance.now();
      reg.onChange((change) => resolve({ change, ms: performance.now() - started }));
    });
    fs.writeFileSync(path.join(dev, 'lib', 'offset.js'), 'export const offset = 2;\n');
    const { change, ms } = await reloaded;
    console.log(`dev folder reload: ${ms.toFixed(0)} ms after the edit`);
    expect(change).toEqual({ kind: 'reloaded', package: 'acme-tools', toolIds: ['acme-tools/add-offset', 'acme-tools/second'] });
    const nextEntry = reg.resolve('acme-tools/add-offset')?.entryPath as string;
    expect(nextEntry).not.toBe(firstEntry);
    const plugin = (await import(nextEntry)) as { default: new (p: unknown) => { onComplete(): number } };
    expect(new plugin.default({}).onComplete()).toBe(2);

    // a broken edit keeps the last good version and says why
    fs.writeFileSync(path.join(dev, 'second.mjs'), 'export default 5;\n');
    const notices = () => reg.notices().map((n) => n.message).join('\n');
    for (let waited = 0; waited < 10_000 && !/second\.mjs/.test(notices()); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(reg.resolve('acme-tools/add-offset')?.entryPath).toBe(nextEntry);
    expect(notices()).toMatch(/second\.mjs: default-exports a number/);
  });
});
