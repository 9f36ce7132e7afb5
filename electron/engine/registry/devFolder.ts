/**
 * A plugin folder loaded for development (`--plugins DIR`, the app's "Load plugin folder"): checked
 * like an install, then served from a fresh snapshot copy per version (so a long-lived process that
 * imported the old modules gets the new ones: the path is new), and watched: an edit reloads it.
 * The snapshot links the folder's `node_modules` instead of copying it.
 */
import { watch, type FSWatcher } from 'chokidar';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureModulePackageJson } from './esmEntry.js';
import { PackageError, readPackage, type LoadedPackage } from './packageLoader.js';
import { symlinkLeavingFolder } from './packagePaths.js';

const IGNORED = new Set(['node_modules', '.git']);
const DEBOUNCE_MS = 100;
const KEPT_SNAPSHOTS = 2;

let snapshotRoot: Promise<string> | null = null;
function snapshots(): Promise<string> {
  snapshotRoot ??= fs.mkdtemp(path.join(os.tmpdir(), 'weft-dev-'));
  return snapshotRoot;
}

/** maps a path inside a snapshot back to the author's folder, for messages */
function toSource(text: string, snapshotDir: string, sourceDir: string): string {
  return text.split(snapshotDir).join(sourceDir);
}

export async function loadDevPackage(sourceDir: string, version: number): Promise<{ pkg: LoadedPackage; snapshotDir: string }> {
  const folder = path.resolve(sourceDir);
  const checked = await readPackage(folder, { source: 'loaded', checkImports: false });
  const realDir = await fs.realpath(folder);
  const leaving = await symlinkLeavingFolder(realDir, [...IGNORED]);
  if (leaving) throw new PackageError(path.join(folder, leaving.link), `is a symlink pointing outside the package folder (to ${leaving.target})`);
  const snapshotDir = path.join(await snapshots(), `${checked.name}-${process.pid}-${version}-${Date.now()}`);
  await fs.cp(folder, snapshotDir, { recursive: true, dereference: true, filter: (src) => !IGNORED.has(path.basename(src)) });
  const modules = path.join(folder, 'node_modules');
  if (await fs.access(modules).then(() => true, () => false)) await fs.symlink(modules, path.join(snapshotDir, 'node_modules'), 'junction');
  await ensureModulePackageJson(snapshotDir);
  try {
    const pkg = await readPackage(snapshotDir, { source: 'loaded', checkImports: true });
    return { pkg, snapshotDir };
  } catch (error) {
    await fs.rm(snapshotDir, { recursive: true, force: true });
    if (error instanceof PackageError) throw new PackageError(toSource(error.file, snapshotDir, folder), toSource(error.problem, snapshotDir, folder));
    throw error;
  }
}

export interface DevFolderEvents {
  reloaded(pkg: LoadedPackage): void;
  failed(error: Error): void;
}

/** watches a loaded folder; each change (debounced) builds a new snapshot and reports it */
export class DevFolderWatch {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private version = 1;
  private readonly snapshotDirs: string[] = [];
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    readonly sourceDir: string,
    firstSnapshot: string,
    private readonly events: DevFolderEvents,
  ) {
    this.snapshotDirs.push(firstSnapshot);
  }

  start(): Promise<void> {
    this.watcher = watch(this.sourceDir, {
      ignoreInitial: true,
      ignored: (file: string) => path.relative(this.sourceDir, file).split(path.sep).some((part) => IGNORED.has(part)),
    });
    this.watcher.on('all', () => this.schedule());
    return new Promise((resolve) => this.watcher?.once('ready', () => resolve()));
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.reloading = this.reloading.then(() => this.reload());
    }, DEBOUNCE_MS);
  }

  private async reload(): Promise<void> {
    try {
      const { pkg, snapshotDir } = await loadDevPackage(this.sourceDir, ++this.version);
      this.snapshotDirs.push(snapshotDir);
      while (this.snapshotDirs.length > KEPT_SNAPSHOTS) {
        await fs.rm(this.snapshotDirs.shift() as string, { recursive: true, force: true });
      }
      this.events.reloaded(pkg);
    } catch (error) {
      this.events.failed(error as Error);
    }
  }

  async dispose(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.watcher?.close();
    await this.reloading;
    for (const dir of this.snapshotDirs) await fs.rm(dir, { recursive: true, force: true });
  }
}
