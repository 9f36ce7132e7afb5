/**
 * Plugin package folders written to disk for tests: a good package by default, and helpers to
 * break it in each way the registry must refuse. Real files, nothing mocked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FixtureTool {
  id: string;
  entry: string;
  source?: string;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `weft-${prefix}-`));
}

export const GOOD_ENTRY = `
import { offset } from './lib/offset.js';
export default class AddOffset {
  constructor(provider) { this.provider = provider; }
  onInputConnectionOpened(connection) { this.provider.getOutputAnchor('Output').open(connection.metadata); }
  onRecordPacket(connection) { this.provider.getOutputAnchor('Output').write(connection.read()); }
  onComplete() { return offset; }
}
`;

export function goodManifest(name = 'acme-tools', version = '1.0.0'): Record<string, unknown> {
  return {
    name,
    version,
    displayName: 'Acme Tools',
    tools: [
      {
        id: 'add-offset',
        name: 'Add Offset',
        category: 'Transform',
        icon: 'icon.svg',
        entry: 'add-offset.js',
        inputs: [{ name: 'Input' }],
        outputs: [{ name: 'Output' }],
        configSchema: { type: 'object', properties: { offset: { type: 'number' } }, required: ['offset'] },
        defaultConfig: { offset: 1 },
      },
      { id: 'second', name: 'Second', entry: 'second.mjs', inputs: [], outputs: [{ name: 'Output' }] },
    ],
  };
}

/** writes a good package folder; `change` may edit files before it is returned */
export function writeGoodPackage(dir: string, manifest = goodManifest()): string {
  fs.mkdirSync(path.join(dir, 'lib'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'weft-plugin.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, 'add-offset.js'), GOOD_ENTRY);
  fs.writeFileSync(path.join(dir, 'lib', 'offset.js'), 'export const offset = 1;\n');
  fs.writeFileSync(path.join(dir, 'second.mjs'), 'export default class Second { onComplete() {} }\n');
  fs.writeFileSync(
    path.join(dir, 'icon.svg'),
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4"/></svg>\n',
  );
  return dir;
}

/** a listing of every file and folder under `dir` with sizes and contents' length: equal trees compare equal */
export function treeOf(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(at, entry.name);
      const rel = path.relative(dir, full);
      if (entry.isDirectory()) {
        out.push(`${rel}/`);
        walk(full);
      } else out.push(`${rel} ${fs.readFileSync(full).toString('base64')}`);
    }
  };
  walk(dir);
  return out;
}

export function editManifest(dir: string, edit: (manifest: Record<string, unknown> & { tools: Record<string, unknown>[] }) => void): void {
  const file = path.join(dir, 'weft-plugin.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> & { tools: Record<string, unknown>[] };
  edit(manifest);
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
}
