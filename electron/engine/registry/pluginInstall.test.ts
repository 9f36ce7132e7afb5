import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editManifest, goodManifest, treeOf, writeGoodPackage } from './packageFixtures.js';
import { useRegistryTestbed } from './registryTestbed.js';

const bed = useRegistryTestbed(() => ({ ...goodManifest('weft'), displayName: 'Weft' }));

describe('install from a folder', () => {
  it('installs a good package, fills defaults, sanitizes the icon, and a new registry finds it', async () => {
    const reg = await bed.registry();
    const source = writeGoodPackage(path.join(bed.work, 'acme'));
    const events: string[] = [];
    reg.onChange((change) => events.push(`${change.kind} ${change.toolIds.join(',')}`));
    const tools = await reg.install(source);
    expect(tools.map((t) => t.id)).toEqual(['acme-tools/add-offset', 'acme-tools/second']);
    expect(events).toEqual(['installed acme-tools/add-offset,acme-tools/second']);
    const second = tools[1];
    expect(second).toMatchObject({ category: 'Other', description: '', configSchema: { type: 'object' }, defaultConfig: {}, iconSvg: null, source: 'installed' });
    expect(tools[0].inputs).toEqual([{ name: 'Input', optional: false, allowMultiple: false }]);
    expect(tools[0].iconSvg).toContain('<rect');
    expect(tools[0].iconSvg).not.toMatch(/script|onload/);

    const resolved = reg.resolve('acme-tools/add-offset');
    expect(resolved?.entryPath).toBe(path.join(bed.dataDir, 'plugins', 'acme-tools', 'add-offset.js'));
    expect(resolved?.validateConfig({ offset: 2 })).toEqual([]);
    expect(resolved?.validateConfig({ offset: 'x' })).toEqual(['config.offset: must be number']);
    expect(resolved?.validateConfig({})).toEqual(['config: missing required key "offset"']);
    // the installed copy is independent of the source folder
    fs.rmSync(source, { recursive: true });
    const again = await bed.registry();
    expect(again.list().filter((t) => t.source === 'installed').map((t) => t.id)).toEqual(['acme-tools/add-offset', 'acme-tools/second']);
    expect(fs.existsSync(path.join(bed.dataDir, '.staging'))).toBe(false);
  });

  it('imports the installed .js entry as ESM without a package.json in the source folder', async () => {
    const reg = await bed.registry();
    await reg.install(writeGoodPackage(path.join(bed.work, 'acme')));
    const entry = reg.resolve('acme-tools/add-offset')?.entryPath as string;
    const plugin = (await import(entry)) as { default: new (p: unknown) => { onComplete(): number } };
    expect(new plugin.default({}).onComplete()).toBe(1);
  });

  type Break = (dir: string) => void;
  const write = (dir: string, file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
  const brokenCases: Array<[string, Break, RegExp]> = [
    ['no manifest', (d) => fs.rmSync(path.join(d, 'weft-plugin.json')), /weft-plugin\.json: not found/],
    ['bad JSON', (d) => write(d, 'weft-plugin.json', '{ "name": "acme-tools", '), /weft-plugin\.json: invalid JSON/],
    ['missing version', (d) => editManifest(d, (m) => delete m.version), /weft-plugin\.json: missing required key "version"/],
    ['unknown key', (d) => editManifest(d, (m) => (m.tools[0].colour = 'red')), /weft-plugin\.json: tools\[0\]: unknown key "colour"/],
    ['bad package name', (d) => editManifest(d, (m) => (m.name = 'Acme Tools')), /weft-plugin\.json: name: "Acme Tools" must match/],
    ['bad tool id', (d) => editManifest(d, (m) => (m.tools[1].id = '-x')), /weft-plugin\.json: tools\[1\]\.id: "-x" must match/],
    ['inputs not a list', (d) => editManifest(d, (m) => (m.tools[0].inputs = 'Input')), /weft-plugin\.json: tools\[0\]\.inputs: must be array/],
    ['duplicate tool id', (d) => editManifest(d, (m) => (m.tools[1].id = 'add-offset')), /tool id "add-offset" is used twice/],
    ['missing entry', (d) => fs.rmSync(path.join(d, 'second.mjs')), /tools\[1\]\.entry: "second\.mjs" does not exist/],
    ['entry outside by ..', (d) => editManifest(d, (m) => (m.tools[1].entry = '../outside.js')), /tools\[1\]\.entry: "\.\.\/outside\.js" leaves the package folder/],
    ['entry absolute', (d) => editManifest(d, (m) => (m.tools[1].entry = '/etc/hosts.js')), /tools\[1\]\.entry: "\/etc\/hosts\.js" is an absolute path/],
    [
      'entry symlink out',
      (d) => {
        fs.writeFileSync(path.join(bed.work, 'outside.mjs'), 'export default class X {}\n');
        fs.rmSync(path.join(d, 'second.mjs'));
        fs.symlinkSync(path.join(bed.work, 'outside.mjs'), path.join(d, 'second.mjs'));
      },
      /tools\[1\]\.entry: "second\.mjs" is a symlink pointing outside the package folder/,
    ],
    [
      'other symlink out',
      (d) => fs.symlinkSync(bed.work, path.join(d, 'lib', 'escape')),
      /lib\/escape: is a symlink pointing outside the package folder/,
    ],
    ['syntax error', (d) => write(d, 'second.mjs', 'export default class {\n  broken(\n'), /second\.mjs: cannot be imported: SyntaxError/],
    ['top-level throw', (d) => write(d, 'second.mjs', 'throw new Error("boom at import");\n'), /second\.mjs: cannot be imported: boom at import/],
    ['sibling import missing', (d) => fs.rmSync(path.join(d, 'lib', 'offset.js')), /add-offset\.js: cannot be imported: .*offset\.js/],
    ['no default export', (d) => write(d, 'second.mjs', 'export class Second {}\n'), /second\.mjs: has no default export/],
    ['default export not a class', (d) => write(d, 'second.mjs', 'export default 42;\n'), /second\.mjs: default-exports a number, not a class/],
    ['arrow function export', (d) => write(d, 'second.mjs', 'export default () => {};\n'), /second\.mjs: default-exports a function that cannot be constructed/],
    [
      'invalid config schema',
      (d) => editManifest(d, (m) => (m.tools[0].configSchema = { type: 'object', properties: { offset: { type: 'numbr' } } })),
      /weft-plugin\.json: tools\[0\]\.configSchema: not a valid JSON Schema/,
    ],
    ['icon not SVG', (d) => write(d, 'icon.svg', 'GIF89a'), /tools\[0\]\.icon: .*icon\.svg" is not an SVG image/],
    ['entry not a module file', (d) => editManifest(d, (m) => (m.tools[1].entry = 'second.ts')), /tools\[1\]\.entry: "second\.ts" must be a \.js or \.mjs/],
    ['name weft', (d) => editManifest(d, (m) => (m.name = 'weft')), /weft-plugin\.json: the name "weft" is reserved/],
    [
      'defaultConfig outside its configSchema',
      (d) => editManifest(d, (m) => {
        m.tools[0].configSchema = { type: 'object', properties: { offset: { type: 'integer' } }, required: ['offset'] };
        m.tools[0].defaultConfig = { offset: 'ten' };
      }),
      /weft-plugin\.json: tools\[0\]\.defaultConfig of tool "acme-tools\/[a-z-]+" does not match its configSchema: defaultConfig\.offset: must be integer/,
    ],
    ['sdk range not met', (d) => editManifest(d, (m) => (m.sdk = '^1.2.0')), /weft-plugin\.json: sdk: requires SDK \^1\.2\.0, this Weft offers 1\.0\.0/],
    ['sdk major not offered', (d) => editManifest(d, (m) => (m.sdk = '^2.0.0')), /weft-plugin\.json: sdk: requires SDK \^2\.0\.0/],
  ];

  it.each(brokenCases)('refuses a folder with %s, naming the file, and changes nothing', async (_name, breakIt, message) => {
    const reg = await bed.registry();
    await reg.install(writeGoodPackage(path.join(bed.work, 'other'), goodManifest('other-tools')));
    fs.mkdirSync(path.join(bed.dataDir, 'state'), { recursive: true });
    fs.writeFileSync(path.join(bed.dataDir, 'state', 'acme-tools.json'), '{"kept":true}');
    const before = treeOf(bed.dataDir);
    const listBefore = reg.list().map((t) => t.id);
    const source = writeGoodPackage(path.join(bed.work, 'acme'));
    breakIt(source);
    const events: string[] = [];
    reg.onChange((change) => events.push(change.kind));
    const refused = await reg.install(source).then(
      () => null,
      (error: Error) => error,
    );
    expect(refused?.message).toMatch(message);
    expect(refused?.message.split('\n')).toHaveLength(1);
    expect(treeOf(bed.dataDir)).toEqual(before);
    expect(reg.list().map((t) => t.id)).toEqual(listBefore);
    expect(events).toEqual([]);
  });

  it('refuses the same name unless forced; --force replaces the package and keeps its state', async () => {
    const reg = await bed.registry();
    await reg.install(writeGoodPackage(path.join(bed.work, 'v1')));
    await reg.stores.state.set('acme-tools', 'count', 3);
    const before = treeOf(bed.dataDir);
    const v2 = writeGoodPackage(path.join(bed.work, 'v2'), goodManifest('acme-tools', '2.0.0'));
    await expect(reg.install(v2)).rejects.toThrow(/weft-plugin\.json: a package named "acme-tools" is already installed \(version 1\.0\.0\); use --force/);
    expect(treeOf(bed.dataDir)).toEqual(before);
    const tools = await reg.install(v2, { force: true });
    expect(tools[0].version).toBe('2.0.0');
    expect(reg.resolve('acme-tools/add-offset')?.descriptor.version).toBe('2.0.0');
    expect(await reg.stores.state.get('acme-tools', 'count')).toBe(3);
    expect(fs.readdirSync(path.join(bed.dataDir, 'plugins'))).toEqual(['acme-tools']);
  });

  it('a failed forced install keeps the installed version', async () => {
    const reg = await bed.registry();
    await reg.install(writeGoodPackage(path.join(bed.work, 'v1')));
    const before = treeOf(bed.dataDir);
    const broken = writeGoodPackage(path.join(bed.work, 'v2'), goodManifest('acme-tools', '2.0.0'));
    fs.writeFileSync(path.join(broken, 'second.mjs'), 'syntax error here');
    await expect(reg.install(broken, { force: true })).rejects.toThrow(/second\.mjs: cannot be imported/);
    expect(treeOf(bed.dataDir)).toEqual(before);
    expect(reg.resolve('acme-tools/add-offset')?.descriptor.version).toBe('1.0.0');
  });

  it('remove deletes the package, its state, blobs and virtual tools for good', async () => {
    const reg = await bed.registry();
    const source = writeGoodPackage(path.join(bed.work, 'acme'));
    await reg.install(source);
    await reg.install(writeGoodPackage(path.join(bed.work, 'other'), goodManifest('other-tools')));
    await reg.stores.state.set('acme-tools', 'k', 'v');
    await reg.stores.state.set('other-tools', 'k', 'kept');
    await reg.stores.blobs.put('acme-tools', 'doc', 'bytes');
    await reg.services.virtualPlugins.create('acme-tools/add-offset', { id: 'plus-ten', name: 'Plus ten', inputs: [{ name: 'Input' }], outputs: [{ name: 'Output' }], data: { offset: 10 } });
    expect(reg.resolve('acme-tools/plus-ten')?.descriptor.source).toBe('virtual');
    const events: string[] = [];
    reg.onChange((change) => events.push(`${change.kind} ${change.toolIds.join(',')}`));
    await reg.remove('acme-tools');
    expect(events).toContain('removed acme-tools/add-offset,acme-tools/second,acme-tools/plus-ten');
    expect(fs.existsSync(path.join(bed.dataDir, 'plugins', 'acme-tools'))).toBe(false);
    expect(reg.resolve('acme-tools/add-offset')).toBeUndefined();
    expect(reg.resolve('acme-tools/plus-ten')).toBeUndefined();
    expect(await reg.stores.state.keys('acme-tools')).toEqual([]);
    expect(await reg.stores.blobs.list('acme-tools')).toEqual([]);
    expect(await reg.stores.state.get('other-tools', 'k')).toBe('kept');
    await reg.install(source);
    expect(reg.resolve('acme-tools/plus-ten')).toBeUndefined();
    expect(await reg.services.virtualPlugins.list('acme-tools/add-offset')).toEqual([]);
    await expect(reg.remove('nothing-here')).rejects.toThrow(/no package named "nothing-here" is installed/);
    await expect(reg.remove('weft')).rejects.toThrow(/cannot be removed/);
  });
});

describe('sources and clashes', () => {
  it('a loaded folder wins over an installed package with an info notice', async () => {
    const reg = await bed.registry();
    await reg.install(writeGoodPackage(path.join(bed.work, 'installed')));
    const dev = writeGoodPackage(path.join(bed.work, 'dev'), goodManifest('acme-tools', '9.9.9'));
    await reg.loadFolder(dev, { watch: false });
    const tool = reg.resolve('acme-tools/add-offset');
    expect(tool?.descriptor).toMatchObject({ source: 'loaded', version: '9.9.9' });
    expect(reg.list().filter((t) => t.id === 'acme-tools/add-offset')).toHaveLength(1);
    expect(reg.notices()).toContainEqual({ level: 'info', message: expect.stringContaining(`the loaded folder ${dev} wins over the installed package acme-tools`) });
  });

  it('two loaded folders of one name, or a loaded "weft", are errors naming both', async () => {
    const reg = await bed.registry();
    const first = writeGoodPackage(path.join(bed.work, 'one'));
    const second = writeGoodPackage(path.join(bed.work, 'two'));
    await reg.loadFolder(first, { watch: false });
    await expect(reg.loadFolder(second, { watch: false })).rejects.toThrow(
      `${path.join(second, 'weft-plugin.json')}: the package name "acme-tools" is already taken by the loaded folder ${first}`,
    );
    const weft = writeGoodPackage(path.join(bed.work, 'weft'), goodManifest('weft'));
    await expect(reg.loadFolder(weft, { watch: false })).rejects.toThrow(`the name "weft" is reserved for the built-in tools (${bed.builtinDir})`);
    expect(reg.resolve('weft/add-offset')?.descriptor.source).toBe('builtin');
  });

  it('createPluginRegistry loads --plugins folders and refuses broken ones', async () => {
    const dev = writeGoodPackage(path.join(bed.work, 'dev'));
    const reg = await bed.registry({ loadedDirs: [dev] });
    expect(reg.resolve('acme-tools/second')?.descriptor.source).toBe('loaded');
    fs.writeFileSync(path.join(dev, 'second.mjs'), 'export default 1;');
    await expect(bed.registry({ loadedDirs: [dev] })).rejects.toThrow(`${path.join(dev, 'second.mjs')}: default-exports a number`);
  });
});
