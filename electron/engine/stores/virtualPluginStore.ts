/**
 * Virtual plugins (the SDK contract (docs/sdk.md)): tools created at run time by a parent tool, persisted
 * in `<dataDir>/virtual-plugins.json`. One store object exists per data folder in a process, so the
 * plugin services a run uses and the registry the app lists share it: a create or remove is pushed
 * to the registry at once (no rescan). Writes are serialized in-process and locked across processes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { PACKAGE_NAME_PATTERN } from '../../../shared/manifest.js';
import type { AnchorManifest } from '../../../shared/manifest.js';
import type { VirtualPluginDefinition, VirtualPluginRecord } from '../../../shared/sdk/plugin.js';
import type { PluginChange } from '../../../shared/weftApi.js';
import { readFileIfExists, writeFileAtomic } from './atomicWrite.js';
import { withFileLock } from './fileLock.js';
import { KeyedQueue } from './keyedQueue.js';
import { jsonProblem } from './stateStore.js';

export const VIRTUAL_PLUGINS_FILE = 'virtual-plugins.json';

/** returns why `<package>/<id>` may not be created by `parent`, or null; the registry installs one */
export type VirtualPluginGuard = (record: VirtualPluginRecord) => string | null;

export interface VirtualPluginStore {
  readonly file: string;
  create(parentFullId: string, definition: VirtualPluginDefinition): Promise<VirtualPluginRecord>;
  /** removes this parent's child; false when it had none of that id */
  remove(parentFullId: string, id: string): Promise<boolean>;
  list(parentFullId: string): Promise<VirtualPluginRecord[]>;
  listAll(): Promise<VirtualPluginRecord[]>;
  /** removes every virtual plugin of a package (package removal); returns their full ids */
  removePackage(packageName: string): Promise<string[]>;
  addGuard(guard: VirtualPluginGuard): () => void;
  /**
   * re-reads the file (another process may have changed it) and reports every difference to the
   * last state this process saw as changes; returns every record as now stored
   */
  refresh(): Promise<VirtualPluginRecord[]>;
  /** called after each committed or discovered change with every record as now stored */
  onChange(callback: (change: PluginChange, records: VirtualPluginRecord[]) => void): () => void;
}

const stores = new Map<string, VirtualPluginStore>();

/** the one store of this data folder in this process */
export function virtualPluginStoreFor(dataDir: string): VirtualPluginStore {
  const key = path.resolve(dataDir);
  let store = stores.get(key);
  if (!store) {
    store = createVirtualPluginStore(key);
    stores.set(key, store);
  }
  return store;
}

function splitFullId(fullId: string): { packageName: string; id: string } {
  const [packageName, id, ...rest] = String(fullId).split('/');
  if (rest.length > 0 || !PACKAGE_NAME_PATTERN.test(packageName ?? '') || !PACKAGE_NAME_PATTERN.test(id ?? '')) {
    throw new Error(`invalid tool id ${JSON.stringify(fullId)}: expected <package>/<tool id>`);
  }
  return { packageName, id };
}

function anchorsProblem(anchors: unknown, which: string): string | null {
  if (!Array.isArray(anchors)) return `${which} must be an array of anchors`;
  const names = new Set<string>();
  for (const [i, anchor] of (anchors as AnchorManifest[]).entries()) {
    if (!anchor || typeof anchor !== 'object' || typeof anchor.name !== 'string' || anchor.name === '') {
      return `${which}[${i}].name must be a non-empty string`;
    }
    if (names.has(anchor.name)) return `${which}[${i}]: anchor name ${JSON.stringify(anchor.name)} is used twice`;
    names.add(anchor.name);
    for (const flag of ['optional', 'allowMultiple'] as const) {
      if (anchor[flag] !== undefined && typeof anchor[flag] !== 'boolean') return `${which}[${i}].${flag} must be a boolean`;
    }
  }
  return null;
}

/** why a definition is not acceptable, or null */
export function virtualDefinitionProblem(definition: VirtualPluginDefinition): string | null {
  if (!definition || typeof definition !== 'object') return 'the definition must be an object';
  if (typeof definition.id !== 'string' || !PACKAGE_NAME_PATTERN.test(definition.id)) {
    return `id ${JSON.stringify(definition.id)} must match [a-z0-9][a-z0-9-]*`;
  }
  if (typeof definition.name !== 'string' || definition.name.trim() === '') return 'name must be a non-empty string';
  for (const key of ['description', 'category'] as const) {
    if (definition[key] !== undefined && typeof definition[key] !== 'string') return `${key} must be a string`;
  }
  const anchors = anchorsProblem(definition.inputs, 'inputs') ?? anchorsProblem(definition.outputs, 'outputs');
  if (anchors) return anchors;
  for (const key of ['configSchema', 'defaultConfig'] as const) {
    const value = definition[key];
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) return `${key} must be an object`;
  }
  if (definition.data === undefined) return 'data is required (any JSON)';
  return jsonProblem(definition, 'definition');
}

const fullIdOf = (record: VirtualPluginRecord): string => `${record.package}/${record.id}`;

/** the changes that turn `before` into `after`: one per package and kind, created before removed */
export function virtualChanges(before: VirtualPluginRecord[], after: VirtualPluginRecord[]): PluginChange[] {
  const old = new Map(before.map((r) => [fullIdOf(r), JSON.stringify(r)]));
  const now = new Map(after.map((r) => [fullIdOf(r), JSON.stringify(r)]));
  const grouped = (kind: 'virtual-created' | 'virtual-removed', records: VirtualPluginRecord[]): PluginChange[] => {
    const byPackage = new Map<string, string[]>();
    for (const record of records) byPackage.set(record.package, [...(byPackage.get(record.package) ?? []), fullIdOf(record)]);
    return [...byPackage].map(([pkg, toolIds]) => ({ kind, package: pkg, toolIds }));
  };
  return [
    ...grouped('virtual-created', after.filter((r) => old.get(fullIdOf(r)) !== JSON.stringify(r))),
    ...grouped('virtual-removed', before.filter((r) => !now.has(fullIdOf(r)))),
  ];
}

function createVirtualPluginStore(dataDir: string): VirtualPluginStore {
  const file = path.join(dataDir, VIRTUAL_PLUGINS_FILE);
  const queue = new KeyedQueue();
  const guards = new Set<VirtualPluginGuard>();
  const listeners = new Set<(change: PluginChange, records: VirtualPluginRecord[]) => void>();
  // the records as this process last saw them; null until it first looks (the baseline: what was
  // there before is not reported as changes)
  let committed: VirtualPluginRecord[] | null = null;

  async function readAll(): Promise<VirtualPluginRecord[]> {
    const bytes = await readFileIfExists(file);
    if (!bytes) return [];
    const parsed = JSON.parse(bytes.toString('utf8')) as { records?: VirtualPluginRecord[] };
    if (!parsed || !Array.isArray(parsed.records)) throw new Error(`${file}: expected { "records": [...] }`);
    return parsed.records;
  }

  /**
   * one read-modify-write under the lock. What another process changed since this one last looked
   * is reported first (so no change goes unseen), then the caller emits its own change.
   */
  async function update<T>(change: (records: VirtualPluginRecord[]) => { records: VirtualPluginRecord[] | null; result: T }): Promise<T> {
    const { result, discovered } = await queue.run('all', () =>
      withFileLock(`${file}.lock`, async () => {
        const onDisk = await readAll();
        const discovered = committed ? virtualChanges(committed, onDisk) : [];
        const { records, result } = change(onDisk);
        if (records) {
          await fs.mkdir(dataDir, { recursive: true });
          await writeFileAtomic(file, JSON.stringify({ records }, null, 2) + '\n');
        }
        committed = records ?? onDisk;
        return { result, discovered };
      }),
    );
    for (const found of discovered) emit(found);
    return result;
  }

  function emit(change: PluginChange): void {
    for (const listener of [...listeners]) {
      try {
        listener(change, committed ?? []);
      } catch {
        // a listener's failure must not break the store
      }
    }
  }

  return {
    file,
    async create(parentFullId, definition) {
      const parent = splitFullId(parentFullId);
      const problem = virtualDefinitionProblem(definition);
      if (problem) throw new Error(`virtual plugin ${parent.packageName}/${String(definition?.id)}: ${problem}`);
      const record: VirtualPluginRecord = {
        ...(JSON.parse(JSON.stringify(definition)) as VirtualPluginDefinition),
        parent: parentFullId,
        package: parent.packageName,
        createdAt: new Date().toISOString(),
      };
      const fullId = `${record.package}/${record.id}`;
      await update((records) => {
        const other = records.find((r) => r.package === record.package && r.id === record.id && r.parent !== parentFullId);
        if (other) throw new Error(`virtual plugin ${fullId}: the id is already taken by a virtual tool of ${other.parent}`);
        for (const guard of guards) {
          const refused = guard(record);
          if (refused) throw new Error(`virtual plugin ${fullId}: ${refused}`);
        }
        const kept = records.filter((r) => !(r.package === record.package && r.id === record.id));
        return { records: [...kept, record], result: undefined };
      });
      emit({ kind: 'virtual-created', package: record.package, toolIds: [fullId] });
      return record;
    },
    async remove(parentFullId, id) {
      const parent = splitFullId(parentFullId);
      const removed = await update((records) => {
        const kept = records.filter((r) => !(r.parent === parentFullId && r.id === id));
        return kept.length === records.length ? { records: null, result: false } : { records: kept, result: true };
      });
      if (removed) emit({ kind: 'virtual-removed', package: parent.packageName, toolIds: [`${parent.packageName}/${id}`] });
      return removed;
    },
    async list(parentFullId) {
      return (await readAll()).filter((r) => r.parent === parentFullId);
    },
    listAll: readAll,
    async removePackage(packageName) {
      const ids = await update((records) => {
        const gone = records.filter((r) => r.package === packageName).map((r) => `${r.package}/${r.id}`);
        return gone.length === 0 ? { records: null, result: gone } : { records: records.filter((r) => r.package !== packageName), result: gone };
      });
      if (ids.length > 0) emit({ kind: 'virtual-removed', package: packageName, toolIds: ids });
      return ids;
    },
    async refresh() {
      // a plain read (the file is only ever replaced by rename, so it is never seen half-written)
      const { onDisk, discovered } = await queue.run('all', async () => {
        const onDisk = await readAll();
        const discovered = committed ? virtualChanges(committed, onDisk) : [];
        committed = onDisk;
        return { onDisk, discovered };
      });
      for (const found of discovered) emit(found);
      return onDisk;
    },
    addGuard(guard) {
      guards.add(guard);
      return () => guards.delete(guard);
    },
    onChange(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
}
