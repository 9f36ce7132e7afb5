/**
 * `provider.state` on the host side: small JSON values per plugin package, in
 * `<dataDir>/state/<package>.json`.
 *
 * Semantics (docs/plugins.md): each `set`/`delete` is one read-modify-write of the package's file,
 * applied atomically and in call order — serialized per package inside this process and guarded by
 * a lock file across processes — so two tools of one package writing different keys never lose an
 * update, and for one key the last write wins. `get`/`keys` read the file as last committed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { JsonValue } from '../../../shared/sdk/plugin.js';
import { readFileIfExists, writeFileAtomic } from './atomicWrite.js';
import { withFileLock } from './fileLock.js';
import { KeyedQueue } from './keyedQueue.js';
import { assertKey, assertPackageName } from './storeKeys.js';

/** a Map, so that a key like `__proto__` is an ordinary key */
type StateObject = Map<string, JsonValue>;

export interface StateStore {
  get(packageName: string, key: string): Promise<JsonValue | undefined>;
  set(packageName: string, key: string, value: JsonValue): Promise<void>;
  delete(packageName: string, key: string): Promise<void>;
  keys(packageName: string): Promise<string[]>;
  /** removes the package's whole state (package removal) */
  clear(packageName: string): Promise<void>;
}

/** why a value is not JSON, or null when it is */
export function jsonProblem(value: unknown, at = 'value', depth = 0): string | null {
  if (depth > 100) return `${at} is nested too deeply`;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${at} is not a finite number`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = jsonProblem(value[i], `${at}[${i}]`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return `${at} is not a plain object`;
    for (const [key, inner] of Object.entries(value)) {
      const problem = jsonProblem(inner, `${at}.${key}`, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  return `${at} is a ${typeof value}, not JSON`;
}

export function createStateStore(dataDir: string): StateStore {
  const stateDir = path.join(dataDir, 'state');
  const queue = new KeyedQueue();
  const fileOf = (packageName: string) => path.join(stateDir, `${packageName}.json`);

  async function read(packageName: string): Promise<StateObject> {
    const bytes = await readFileIfExists(fileOf(packageName));
    if (!bytes) return new Map();
    try {
      const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return new Map(Object.entries(parsed as Record<string, JsonValue>));
      }
    } catch {
      // fall through: a hand-edited, broken file
    }
    throw new Error(`${fileOf(packageName)}: the state file is not a JSON object`);
  }

  function mutate(packageName: string, change: (state: StateObject) => boolean): Promise<void> {
    return queue.run(packageName, () =>
      withFileLock(`${fileOf(packageName)}.lock`, async () => {
        const state = await read(packageName);
        if (change(state)) await writeFileAtomic(fileOf(packageName), JSON.stringify(Object.fromEntries(state)));
      }),
    );
  }

  return {
    async get(packageName, key) {
      assertPackageName(packageName);
      assertKey(key, 'state');
      return (await read(packageName)).get(key);
    },
    async set(packageName, key, value) {
      assertPackageName(packageName);
      assertKey(key, 'state');
      const problem = jsonProblem(value);
      if (problem) throw new Error(`state.set(${JSON.stringify(key)}): ${problem}`);
      const copy = JSON.parse(JSON.stringify(value)) as JsonValue;
      await mutate(packageName, (state) => {
        state.set(key, copy);
        return true;
      });
    },
    async delete(packageName, key) {
      assertPackageName(packageName);
      assertKey(key, 'state');
      await mutate(packageName, (state) => {
        return state.delete(key);
      });
    },
    async keys(packageName) {
      assertPackageName(packageName);
      return [...(await read(packageName)).keys()].sort();
    },
    async clear(packageName) {
      assertPackageName(packageName);
      await queue.run(packageName, () =>
        withFileLock(`${fileOf(packageName)}.lock`, () => fs.rm(fileOf(packageName), { force: true })),
      );
    },
  };
}
