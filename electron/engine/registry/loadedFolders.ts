/**
 * Folders loaded for a session (development mode, `--plugins DIR`): loading one as a snapshot,
 * the name checks it must pass, taking a reload from its watch, and cleaning up at the end.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_PACKAGE, MANIFEST_FILE, type ToolDescriptor } from '../../../shared/manifest.js';
import { DevFolderWatch, loadDevPackage } from './devFolder.js';
import { PackageError, type LoadedPackage } from './packageLoader.js';
import { toolIdsOf, type LoadedFolder, type RegistryContents } from './registryContents.js';

export async function loadFolder(contents: RegistryContents, sourceDir: string, watch: boolean): Promise<ToolDescriptor[]> {
  const previous = [...contents.loaded.values()].find((f) => f.sourceDir === sourceDir);
  const { pkg, snapshotDir } = await loadDevPackage(sourceDir, Date.now());
  try {
    checkLoadedName(contents, pkg, sourceDir);
  } catch (error) {
    await fs.rm(snapshotDir, { recursive: true, force: true });
    throw error;
  }
  if (previous) {
    await previous.watch?.dispose();
    contents.loaded.delete(previous.pkg.name);
  }
  const folder: LoadedFolder = { pkg, sourceDir, snapshotDir, watch: null };
  if (watch) {
    folder.watch = new DevFolderWatch(sourceDir, snapshotDir, {
      reloaded: (next) => reloaded(contents, folder, next),
      failed: (error) => contents.notice('error', `reload of ${sourceDir} failed: ${error.message}`),
    });
    await folder.watch.start();
  }
  contents.loaded.set(pkg.name, folder);
  const installed = contents.installed.get(pkg.name);
  if (installed) contents.notice('info', `the loaded folder ${sourceDir} wins over the installed package ${pkg.name} ${installed.version}`);
  contents.changes.emit({ kind: 'loaded', package: pkg.name, toolIds: toolIdsOf(pkg) });
  return [...pkg.tools.values()].map((t) => t.descriptor);
}

/** stops the watches and removes the snapshots of every loaded folder */
export async function disposeLoadedFolders(contents: RegistryContents): Promise<void> {
  for (const folder of contents.loaded.values()) {
    await folder.watch?.dispose();
    if (!folder.watch) await fs.rm(folder.snapshotDir, { recursive: true, force: true });
  }
  contents.loaded.clear();
}

function checkLoadedName(contents: RegistryContents, pkg: LoadedPackage, sourceDir: string): void {
  const manifestFile = path.join(sourceDir, MANIFEST_FILE);
  if (pkg.name === BUILTIN_PACKAGE) {
    throw new PackageError(manifestFile, `the name "${BUILTIN_PACKAGE}" is reserved for the built-in tools (${contents.builtinDir})`);
  }
  const other = contents.loaded.get(pkg.name);
  if (other && other.sourceDir !== sourceDir) {
    throw new PackageError(manifestFile, `the package name "${pkg.name}" is already taken by the loaded folder ${other.sourceDir}`);
  }
  const clash = contents.virtualClash(pkg);
  if (clash) throw new PackageError(manifestFile, clash);
}

function reloaded(contents: RegistryContents, folder: LoadedFolder, next: LoadedPackage): void {
  if (contents.loaded.get(folder.pkg.name) !== folder) return;
  try {
    if (next.name !== folder.pkg.name) checkLoadedName(contents, next, folder.sourceDir);
  } catch (error) {
    contents.notice('error', `reload of ${folder.sourceDir} refused: ${(error as Error).message}`);
    return;
  }
  contents.loaded.delete(folder.pkg.name);
  folder.pkg = next;
  contents.loaded.set(next.name, folder);
  contents.changes.emit({ kind: 'reloaded', package: next.name, toolIds: toolIdsOf(next) });
}
