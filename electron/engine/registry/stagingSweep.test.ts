// What an interrupted install or removal leaves in `<dataDir>/.staging/` is cleaned at the next
// start: copies whose process is gone are removed, a previous version renamed away by a --force
// install that died mid-way is put back, and another live process's copy is left alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goodManifest, writeGoodPackage } from './packageFixtures.js';
import { useRegistryTestbed } from './registryTestbed.js';

const bed = useRegistryTestbed();

/** the id of a process that has ended */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('.staging after an interrupted install', () => {
  it('is swept at start; a renamed-away installed version comes back', async () => {
    const staging = path.join(bed.dataDir, '.staging');
    const dead = deadPid();
    writeGoodPackage(path.join(staging, `staged-${dead}-0123456789ab-acme-tools`));
    writeGoodPackage(path.join(staging, `old-${dead}-0123456789ab-acme-tools`), goodManifest('acme-tools'));
    const live = path.join(staging, `staged-${process.ppid}-0123456789ab-other`);
    fs.mkdirSync(live, { recursive: true });
    const legacy = path.join(staging, 'acme-tools-0123456789ab');
    fs.mkdirSync(legacy);
    const reg = await bed.registry();
    expect(fs.readdirSync(staging).sort()).toEqual(['acme-tools-0123456789ab', path.basename(live)].sort());
    expect(reg.list().filter((t) => t.source === 'installed').map((t) => t.id)).toEqual(['acme-tools/add-offset', 'acme-tools/second']);
    expect(reg.notices().map((n) => n.message).join('\n')).toContain('cleaned what 2 interrupted install(s) or removal(s) left');
  });
});
