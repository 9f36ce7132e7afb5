import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHIVE_INDEX, packPackage, unpackPackage } from './packageArchive.js';
import { createPluginRegistry } from './pluginRegistry.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-archive-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function writePackage(dir: string): void {
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'node_modules', 'left-out'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'weft-plugin.json'), JSON.stringify({
    name: 'acme-packed', version: '1.2.3',
    tools: [{ id: 'rows', name: 'Rows', entry: 'dist/rows.js', inputs: [], outputs: [{ name: 'Output' }] }],
  }));
  fs.writeFileSync(path.join(dir, 'dist', 'rows.js'), 'export default class Rows { constructor(p) { p.getOutputAnchor("Output").open({ fields: [{ name: "n", type: "int32" }] }); } }\n');
  fs.writeFileSync(path.join(dir, 'node_modules', 'left-out', 'index.js'), '');
  fs.writeFileSync(path.join(dir, '.weft-root'), '/somewhere\n');
}

/** re-packs an unpacked archive folder after `change` (a tampered copy) */
async function tampered(archive: string, name: string, change: (dir: string) => void): Promise<string> {
  const dir = path.join(work, `tamper-${name}`);
  fs.mkdirSync(dir);
  await tar.extract({ file: archive, cwd: dir });
  change(dir);
  const file = path.join(work, `${name}.weftpkg`);
  await tar.create({ gzip: true, file, cwd: dir }, fs.readdirSync(dir));
  return file;
}

describe('.weftpkg: weft plugins pack and install FILE', () => {
  const source = path.join(work, 'acme-packed');
  writePackage(source);

  it('packs the folder with an index of hashes, leaving out node_modules and .weft-root, and installs from the file', async () => {
    const packed = await packPackage(source);
    expect(path.basename(packed.file)).toBe('acme-packed-1.2.3.weftpkg');
    const entries: string[] = [];
    await tar.list({ file: packed.file, onReadEntry: (entry) => entries.push(entry.path) });
    expect(entries).toEqual([ARCHIVE_INDEX, 'dist/rows.js', 'weft-plugin.json']);
    const registry = await createPluginRegistry({ dataDir: path.join(work, 'home') });
    try {
      const tools = await registry.install(packed.file);
      expect(tools.map((t) => [t.id, t.version, t.source])).toEqual([['acme-packed/rows', '1.2.3', 'installed']]);
    } finally {
      await registry.dispose();
    }
  });

  it('refuses a changed, an added or a linked file, and a file that is no archive, naming the problem', async () => {
    const { file } = await packPackage(source, path.join(work, 'base.weftpkg'));
    const changed = await tampered(file, 'changed', (dir) => fs.appendFileSync(path.join(dir, 'dist', 'rows.js'), '// more\n'));
    await expect(unpackPackage(changed)).rejects.toThrow(/dist\/rows\.js does not match its SHA-256 in weftpkg\.json/);
    const added = await tampered(file, 'added', (dir) => fs.writeFileSync(path.join(dir, 'extra.js'), ''));
    await expect(unpackPackage(added)).rejects.toThrow(/files not listed in weftpkg\.json: extra\.js/);
    const linked = await tampered(file, 'linked', (dir) => fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd')));
    await expect(unpackPackage(linked)).rejects.toThrow(/holds entries a package may not: passwd \(SymbolicLink\)/);
    const plain = path.join(work, 'plain.weftpkg');
    fs.writeFileSync(plain, 'not a tarball');
    await expect(unpackPackage(plain)).rejects.toThrow(/plain\.weftpkg: not a \.weftpkg file/);
  });

  it('refuses to pack a folder that would not install', async () => {
    const broken = path.join(work, 'broken');
    writePackage(broken);
    fs.writeFileSync(path.join(broken, 'dist', 'rows.js'), 'export default class Rows { constructor( }\n');
    await expect(packPackage(broken)).rejects.toThrow(/rows\.js/);
    expect(fs.readdirSync(broken).some((f) => f.endsWith('.weftpkg'))).toBe(false);
  });
});
