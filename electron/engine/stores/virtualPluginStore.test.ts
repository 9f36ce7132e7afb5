// The virtual-plugin store reports what another process changed in virtual-plugins.json: on
// refresh() (the registry's data-folder watch calls it) and before its own next write, so every
// change reaches this process's listeners once. "Another process" writes the file as the store
// does: a whole new file renamed into place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VirtualPluginRecord } from '../../../shared/sdk/plugin.js';
import type { PluginChange } from '../../../shared/weftApi.js';
import { writeFileAtomic } from './atomicWrite.js';
import { VIRTUAL_PLUGINS_FILE, virtualChanges, virtualPluginStoreFor } from './virtualPluginStore.js';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-vstore-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const record = (id: string, extra: Partial<VirtualPluginRecord> = {}): VirtualPluginRecord => ({
  id, name: id, inputs: [], outputs: [{ name: 'Output' }], data: null,
  parent: 'acme/maker', package: 'acme', createdAt: '2026-01-01T00:00:00.000Z', ...extra,
});

/** what another process's store leaves on disk */
const writtenElsewhere = (records: VirtualPluginRecord[]) =>
  writeFileAtomic(path.join(dataDir, VIRTUAL_PLUGINS_FILE), JSON.stringify({ records }, null, 2) + '\n');

describe('virtualChanges', () => {
  it('groups created (new or replaced) and removed records per package', () => {
    const before = [record('a'), record('b'), record('x', { package: 'other', parent: 'other/p' })];
    const after = [record('a'), record('b', { createdAt: '2026-02-02T00:00:00.000Z' }), record('c')];
    expect(virtualChanges(before, after)).toEqual([
      { kind: 'virtual-created', package: 'acme', toolIds: ['acme/b', 'acme/c'] },
      { kind: 'virtual-removed', package: 'other', toolIds: ['other/x'] },
    ]);
    expect(virtualChanges(after, after)).toEqual([]);
  });
});

describe('the store and other processes', () => {
  it('refresh() reports another process’s creates and removes once; what was there at first is the baseline', async () => {
    await writtenElsewhere([record('old')]);
    const store = virtualPluginStoreFor(dataDir);
    const seen: Array<{ change: PluginChange; ids: string[] }> = [];
    const stop = store.onChange((change, records) => seen.push({ change, ids: records.map((r) => r.id) }));
    try {
      expect((await store.refresh()).map((r) => r.id)).toEqual(['old']);
      expect(seen).toEqual([]);

      await writtenElsewhere([record('old'), record('new')]);
      expect((await store.refresh()).map((r) => r.id)).toEqual(['old', 'new']);
      expect(seen).toEqual([{ change: { kind: 'virtual-created', package: 'acme', toolIds: ['acme/new'] }, ids: ['old', 'new'] }]);
      await store.refresh();
      expect(seen).toHaveLength(1);

      await writtenElsewhere([record('new')]);
      await store.refresh();
      expect(seen.at(-1)).toEqual({ change: { kind: 'virtual-removed', package: 'acme', toolIds: ['acme/old'] }, ids: ['new'] });
    } finally {
      stop();
    }
  });

  it('an own write first reports what another process changed since, then its own change', async () => {
    const store = virtualPluginStoreFor(dataDir);
    await store.refresh();
    const seen: PluginChange[] = [];
    const stop = store.onChange((change) => seen.push(change));
    try {
      await writtenElsewhere([record('theirs')]);
      await store.create('acme/maker', { id: 'mine', name: 'Mine', inputs: [], outputs: [{ name: 'Output' }], data: 1 });
      expect(seen).toEqual([
        { kind: 'virtual-created', package: 'acme', toolIds: ['acme/theirs'] },
        { kind: 'virtual-created', package: 'acme', toolIds: ['acme/mine'] },
      ]);
      // both are on disk and nothing is reported twice
      expect((await store.listAll()).map((r) => r.id)).toEqual(['theirs', 'mine']);
      await store.refresh();
      expect(seen).toHaveLength(2);
    } finally {
      stop();
    }
  });
});
