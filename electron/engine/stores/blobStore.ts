/**
 * `provider.blobs` on the host side: large values per plugin package, in `<dataDir>/blobs/<package>/`.
 *
 * A key is stored as `<sha256(key)>.blob` (the bytes) plus `<sha256(key)>.key` (the key's text):
 * hashing makes any 1–200 character key a safe file name on every file system (no `..`, `/`,
 * reserved names, case folding or Unicode normalization can make two keys collide or escape the
 * folder). A put streams into a temporary file and renames it over the old one, so a crash leaves
 * the old value or the new one. Puts and deletes of one key apply in call order.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readFileIfExists, writeFileAtomic } from './atomicWrite.js';
import { KeyedQueue } from './keyedQueue.js';
import { assertKey, assertPackageName } from './storeKeys.js';

const STALE_TEMP_MS = 60 * 60 * 1000;

export interface BlobStore {
  put(packageName: string, key: string, data: Uint8Array | string): Promise<void>;
  get(packageName: string, key: string): Promise<Uint8Array | null>;
  delete(packageName: string, key: string): Promise<void>;
  list(packageName: string): Promise<string[]>;
  /** removes every blob of the package (package removal) */
  clear(packageName: string): Promise<void>;
}

export function blobFileStem(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function createBlobStore(dataDir: string): BlobStore {
  const blobsDir = path.join(dataDir, 'blobs');
  const queue = new KeyedQueue();
  const swept = new Set<string>();
  const dirOf = (packageName: string) => path.join(blobsDir, packageName);

  /** temporary files left by a killed process are removed once per package and process */
  async function sweepStaleTemps(packageName: string): Promise<void> {
    if (swept.has(packageName)) return;
    swept.add(packageName);
    const dir = dirOf(packageName);
    for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
      if (!name.endsWith('.tmp')) continue;
      const stat = await fs.stat(path.join(dir, name)).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > STALE_TEMP_MS) await fs.rm(path.join(dir, name), { force: true });
    }
  }

  function place(packageName: string, key: string) {
    assertPackageName(packageName);
    assertKey(key, 'blobs');
    const stem = path.join(dirOf(packageName), blobFileStem(key));
    return { data: `${stem}.blob`, keyFile: `${stem}.key`, queueKey: `${packageName}\0${key}` };
  }

  return {
    async put(packageName, key, data) {
      const at = place(packageName, key);
      if (typeof data !== 'string' && !(data instanceof Uint8Array)) throw new Error('blobs.put: data must be a Uint8Array or a string');
      await sweepStaleTemps(packageName);
      await queue.run(at.queueKey, async () => {
        const existingKey = await readFileIfExists(at.keyFile);
        if (existingKey?.toString('utf8') !== key) await writeFileAtomic(at.keyFile, key);
        await writeFileAtomic(at.data, data);
      });
    },
    async get(packageName, key) {
      const at = place(packageName, key);
      const bytes = await readFileIfExists(at.data);
      return bytes ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null;
    },
    async delete(packageName, key) {
      const at = place(packageName, key);
      await queue.run(at.queueKey, async () => {
        await fs.rm(at.data, { force: true });
        await fs.rm(at.keyFile, { force: true });
      });
    },
    async list(packageName) {
      assertPackageName(packageName);
      const dir = dirOf(packageName);
      const names = new Set(await fs.readdir(dir).catch(() => [] as string[]));
      const keys: string[] = [];
      for (const name of names) {
        if (!name.endsWith('.blob')) continue;
        const keyFile = `${name.slice(0, -'.blob'.length)}.key`;
        if (!names.has(keyFile)) continue;
        const key = await readFileIfExists(path.join(dir, keyFile));
        if (key !== undefined) keys.push(key.toString('utf8'));
      }
      return keys.sort();
    },
    async clear(packageName) {
      assertPackageName(packageName);
      await fs.rm(dirOf(packageName), { recursive: true, force: true });
    },
  };
}
