/**
 * The disk side of installing and removing packages under `<dataDir>/plugins/<name>/`: a package is
 * copied into a staging folder inside the data folder, checked there, then renamed into place, so
 * an install is all or nothing. Refusals leave the data folder exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { withFileLock } from '../stores/fileLock.js';
import { ensureModulePackageJson } from './esmEntry.js';

export const PLUGINS_DIR = 'plugins';
export const STAGING_DIR = '.staging';
export const PACKAGES_LOCK = 'plugins.lock';

/**
 * Runs `task` holding the data folder's packages lock (shared between processes). Every rename in
 * or out of `plugins/` happens under it, and a watching registry scans `plugins/` under it, so a
 * scan never sees the moment between the two renames of a `--force` install.
 */
export function withPackagesLock<T>(dataDir: string, task: () => Promise<T>): Promise<T> {
  return withFileLock(path.join(dataDir, PACKAGES_LOCK), task);
}

export function installedDir(dataDir: string, name: string): string {
  return path.join(dataDir, PLUGINS_DIR, name);
}

export interface StagedCopy {
  dir: string;
  /** removes the staged copy and any folder the staging created */
  discard(): Promise<void>;
}

type StagingKind = 'staged' | 'old' | 'removed';
const STAGING_NAME = /^(staged|old|removed)-(\d+)-[0-9a-f]{12}-(.+)$/;
/** staging folders of an older naming (no process id) are removed once they are this old */
const LEGACY_STALE_MS = 60 * 60 * 1000;

/** `<kind>-<pid>-<hex>-<package>`: the process id tells a later start whether its owner still runs */
function stagingName(kind: StagingKind, name: string): string {
  return `${kind}-${process.pid}-${randomBytes(6).toString('hex')}-${name}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans `.staging/` of what interrupted installs and removals left (a kill, a power cut): copies of
 * processes that no longer run are removed, except a package's previous version renamed away by a
 * `--force` install that died before the new one took its place, which is put back. Returns the
 * names of the folders it removed or restored.
 */
export async function sweepStaleStaging(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, STAGING_DIR);
  const entries = await fs.readdir(root).catch(() => [] as string[]);
  const swept: string[] = [];
  await withPackagesLock(dataDir, async () => {
    for (const entry of entries) {
      const full = path.join(root, entry);
      const match = STAGING_NAME.exec(entry);
      if (match ? Number(match[2]) === process.pid || processAlive(Number(match[2])) : Date.now() - ((await fs.stat(full).catch(() => null))?.mtimeMs ?? Date.now()) < LEGACY_STALE_MS) continue;
      if (match?.[1] === 'old' && !(await exists(installedDir(dataDir, match[3])))) {
        await fs.mkdir(path.join(dataDir, PLUGINS_DIR), { recursive: true });
        await fs.rename(full, installedDir(dataDir, match[3]));
      } else {
        await fs.rm(full, { recursive: true, force: true });
      }
      swept.push(entry);
    }
  });
  await fs.rmdir(root).catch(() => undefined);
  return swept;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}

/** removes `dir` and then its parents up to (and including) `top` while they are empty and were created by us */
async function removeCreated(created: string[]): Promise<void> {
  for (const dir of created) await fs.rmdir(dir).catch(() => undefined);
}

/** copies a package folder (symlinks already checked to stay inside; their targets are copied) */
export async function stageCopy(dataDir: string, sourceDir: string, name: string): Promise<StagedCopy> {
  const created: string[] = [];
  for (const dir of [dataDir, path.join(dataDir, STAGING_DIR)]) {
    if (!(await exists(dir))) {
      await fs.mkdir(dir, { recursive: true });
      created.unshift(dir);
    }
  }
  const dir = path.join(dataDir, STAGING_DIR, stagingName('staged', name));
  const discard = async () => {
    await fs.rm(dir, { recursive: true, force: true });
    await removeCreated(created);
  };
  try {
    await fs.cp(sourceDir, dir, {
      recursive: true,
      dereference: true,
      filter: (src) => path.basename(src) !== '.git',
    });
    await ensureModulePackageJson(dir);
  } catch (error) {
    await discard();
    throw error;
  }
  return { dir, discard };
}

/** moves a staged copy into `<dataDir>/plugins/<name>`, replacing an installed one by rename */
export async function commitStaged(dataDir: string, staged: StagedCopy, name: string): Promise<void> {
  const target = installedDir(dataDir, name);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const old = path.join(dataDir, STAGING_DIR, stagingName('old', name));
  const hadOld = await withPackagesLock(dataDir, async () => {
    const hadOld = await exists(target);
    if (hadOld) await fs.rename(target, old);
    try {
      await fs.rename(staged.dir, target);
    } catch (error) {
      if (hadOld) await fs.rename(old, target);
      await staged.discard();
      throw error;
    }
    return hadOld;
  });
  if (hadOld) await fs.rm(old, { recursive: true, force: true });
  await staged.discard();
}

/** removes an installed package folder: renamed away first so a crash never leaves half a package */
export async function removeInstalledFolder(dataDir: string, name: string): Promise<void> {
  const target = installedDir(dataDir, name);
  const stagingRoot = path.join(dataDir, STAGING_DIR);
  await fs.mkdir(stagingRoot, { recursive: true });
  const doomed = path.join(stagingRoot, stagingName('removed', name));
  await withPackagesLock(dataDir, () => fs.rename(target, doomed));
  await fs.rm(doomed, { recursive: true, force: true });
  await fs.rmdir(stagingRoot).catch(() => undefined);
}

/** what identifies one installed copy: a new install (a rename into place) changes it */
export async function installedSignature(dataDir: string, name: string): Promise<string | null> {
  const stat = await fs.stat(installedDir(dataDir, name)).catch(() => null);
  return stat?.isDirectory() ? `${stat.dev}:${stat.ino}:${stat.ctimeMs}` : null;
}

/** names of the installed packages (folders under `<dataDir>/plugins`) */
export async function installedNames(dataDir: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(dataDir, PLUGINS_DIR), { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}
