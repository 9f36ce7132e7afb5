/**
 * The plugin registry (the SDK contract (docs/sdk.md)): every tool Weft knows, from the built-in package
 * `weft`, the packages installed under `<dataDir>/plugins/`, folders loaded for development, and the
 * virtual tools created at run time. The runtime resolves tools here; the app, `weft` and the
 * browser mode list, install and remove through it, and subscribe to its changes.
 *
 * This file wires the parts together and orders them (one `packages` queue); the work is done in
 * installedScan (the data folder), packageInstall, loadedFolders (development folders),
 * virtualTools, toolResolution, and registryContents (what is held in memory).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ToolDescriptor } from '../../../shared/manifest.js';
import type { PluginChange, Unsubscribe } from '../../../shared/weftApi.js';
import { builtinPluginsDir } from '../compiledPath.js';
import type { PluginServices, ResolvedTool, ToolResolver } from '../hostContracts.js';
import { KeyedQueue } from '../stores/keyedQueue.js';
import { createPluginServices, createPluginStores, type PluginStores } from '../stores/pluginServices.js';
import { DataFolderWatch, type DataFolderDirty } from './dataFolderWatch.js';
import { removedProblem, scanInstalled, syncInstalled } from './installedScan.js';
import { disposeLoadedFolders, loadFolder } from './loadedFolders.js';
import { installPackage, removePackage } from './packageInstall.js';
import { STAGING_DIR, sweepStaleStaging } from './packageFolders.js';
import { isArchivePath, unpackPackage } from './packageArchive.js';
import { PackageError, readPackage } from './packageLoader.js';
import { RegistryContents, type RegistryNotice } from './registryContents.js';
import { guardRemovedPackages } from './removedPackageGuard.js';
import { listTools, resolveTool } from './toolResolution.js';
import { refreshVirtual, virtualProblem, VirtualValidators } from './virtualTools.js';

export type { RegistryNotice } from './registryContents.js';

export interface PluginRegistryOptions {
  dataDir: string;
  builtinDir?: string;
  /** folders loaded for this command or session (`--plugins DIR`) */
  loadedDirs?: string[];
  /** watch `loadedDirs` for edits (the app); a command leaves it off */
  watchLoaded?: boolean;
  /**
   * watch the data folder for packages installed or removed and virtual tools created or removed
   * by other processes, and emit the same changes (the app); a command leaves it off
   */
  watchDataFolder?: boolean;
}

export class PluginRegistry implements ToolResolver {
  readonly stores: PluginStores;
  readonly services: PluginServices;
  private readonly contents: RegistryContents;
  private readonly validators = new VirtualValidators();
  private dataFolderWatch: DataFolderWatch | null = null;
  /** the rescans in flight (dispose waits for them, so none touches the data folder after it) */
  private syncing: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly operations = new KeyedQueue();
  private readonly cleanups: Array<() => void> = [];

  constructor(
    readonly dataDir: string,
    readonly builtinDir: string,
  ) {
    const contents = new RegistryContents(dataDir, builtinDir);
    this.contents = contents;
    this.stores = createPluginStores(dataDir);
    this.services = guardRemovedPackages(createPluginServices(dataDir, this.stores), (name) => removedProblem(contents, name));
    this.cleanups.push(this.stores.virtualPlugins.addGuard((record) => virtualProblem(contents, record)));
    this.cleanups.push(
      this.stores.virtualPlugins.onChange((change, records) => {
        contents.virtualRecords = records;
        contents.changes.emit(change);
      }),
    );
  }

  /** info about shadowing and packages that failed to load at start (kept, not thrown) */
  notices(): RegistryNotice[] {
    return [...this.contents.notices];
  }

  async start(loadedDirs: string[], watchLoaded: boolean, watchDataFolder = false): Promise<void> {
    try {
      this.contents.builtin = await readPackage(this.builtinDir, { source: 'builtin', checkImports: false, lazySchemas: true, checkedAtBuild: true });
    } catch (error) {
      this.contents.notice('error', `built-in tools not loaded: ${(error as Error).message}`);
    }
    const swept = await sweepStaleStaging(this.dataDir).catch((error: unknown) => {
      this.contents.notice('warn', `could not clean ${path.join(this.dataDir, STAGING_DIR)}: ${(error as Error).message}`);
      return [];
    });
    if (swept.length > 0) this.contents.notice('info', `cleaned what ${swept.length} interrupted install(s) or removal(s) left in ${path.join(this.dataDir, STAGING_DIR)}`);
    // watching starts before the first scan, so nothing changed in between goes unseen
    if (watchDataFolder) this.watchDataFolder();
    await this.operations.run('packages', () => scanInstalled(this.contents, watchDataFolder));
    await refreshVirtual(this.contents, this.stores);
    for (const dir of loadedDirs) await this.loadFolder(dir, { watch: watchLoaded });
  }

  resolve(fullId: string): ResolvedTool | undefined {
    return resolveTool(this.contents, this.validators, fullId);
  }

  list(): ToolDescriptor[] {
    return listTools(this.contents, this.validators);
  }

  onChange(callback: (change: PluginChange) => void): Unsubscribe {
    return this.contents.changes.subscribe(callback);
  }

  /** installs a package folder, or a `.weftpkg` file made by `weft plugins pack` */
  install(dirOrFile: string, options: { force?: boolean } = {}): Promise<ToolDescriptor[]> {
    const source = path.resolve(dirOrFile);
    if (!isArchivePath(source)) return this.operations.run('packages', () => installPackage(this.contents, source, options.force === true));
    return this.operations.run('packages', async () => {
      const unpacked = await unpackPackage(source);
      try {
        return await installPackage(this.contents, unpacked, options.force === true);
      } catch (error) {
        if (!(error instanceof PackageError)) throw error;
        const back = (text: string) => text.split(unpacked).join(source);
        throw new PackageError(back(error.file), back(error.problem));
      } finally {
        await fs.rm(unpacked, { recursive: true, force: true });
      }
    });
  }

  remove(name: string): Promise<void> {
    return this.operations.run('packages', () => removePackage(this.contents, this.stores, name));
  }

  /** loads a folder for this session (development mode); with `watch`, an edit reloads it */
  loadFolder(dir: string, options: { watch?: boolean } = {}): Promise<ToolDescriptor[]> {
    return this.operations.run('packages', () => loadFolder(this.contents, path.resolve(dir), options.watch !== false));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.dataFolderWatch?.dispose();
    this.dataFolderWatch = null;
    await this.syncing;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    await disposeLoadedFolders(this.contents);
    this.contents.changes.clear();
  }

  // ---- changes by other processes ----------------------------------------------------------

  private watchDataFolder(): void {
    this.dataFolderWatch = new DataFolderWatch(this.dataDir, {
      changed: (dirty) => {
        this.syncing = this.syncing.then(() => this.syncDataFolder(dirty));
      },
      problem: (message) => this.contents.notice('warn', message),
    });
    this.dataFolderWatch.start();
  }

  /** rescans what another process changed and emits it as if it had been done here */
  private async syncDataFolder(dirty: DataFolderDirty): Promise<void> {
    try {
      if (dirty.packages) await this.operations.run('packages', () => this.syncInstalled());
      if (dirty.virtual && !this.disposed) await this.stores.virtualPlugins.refresh();
    } catch (error) {
      if (!this.disposed) this.contents.notice('error', `rescan of ${this.dataDir} failed: ${(error as Error).message}`);
    }
  }

  private async syncInstalled(): Promise<void> {
    if (this.disposed) return;
    const changes = await syncInstalled(this.contents);
    if (this.disposed) return;
    for (const change of changes) this.contents.changes.emit(change);
  }
}

export async function createPluginRegistry(options: PluginRegistryOptions): Promise<PluginRegistry> {
  const registry = new PluginRegistry(path.resolve(options.dataDir), options.builtinDir ?? builtinPluginsDir);
  try {
    await registry.start(options.loadedDirs ?? [], options.watchLoaded ?? false, options.watchDataFolder ?? false);
  } catch (error) {
    await registry.dispose();
    throw error;
  }
  return registry;
}
