/**
 * The plugin registry (plugin-sdk.md sections 5–7): every tool Weft knows, from the built-in package
 * `weft`, the packages installed under `<dataDir>/plugins/`, folders loaded for development, and the
 * virtual tools created at run time. The runtime resolves tools here; the app, `weft` and the
 * browser mode list, install and remove through it, and subscribe to its changes.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_PACKAGE, MANIFEST_FILE, type ToolDescriptor } from '../../../shared/manifest.js';
import type { VirtualPluginRecord } from '../../../shared/sdk/plugin.js';
import type { PluginChange, Unsubscribe } from '../../../shared/weftApi.js';
import { builtinPluginsDir } from '../compiledPath.js';
import type { PluginServices, ResolvedTool, ToolResolver } from '../hostContracts.js';
import { KeyedQueue } from '../stores/keyedQueue.js';
import { createPluginServices, createPluginStores, type PluginStores } from '../stores/pluginServices.js';
import { compileConfigSchema, type ConfigValidator } from './configSchemas.js';
import { DataFolderWatch, type DataFolderDirty } from './dataFolderWatch.js';
import { DevFolderWatch, loadDevPackage } from './devFolder.js';
import {
  commitStaged, installedDir, installedNames, installedSignature, removeInstalledFolder, stageCopy, withPackagesLock,
} from './packageFolders.js';
import { PackageError, readPackage, type LoadedPackage, type LoadedTool } from './packageLoader.js';
import { symlinkLeavingFolder } from './packagePaths.js';
import { guardRemovedPackages } from './removedPackageGuard.js';

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

export interface RegistryNotice {
  level: 'info' | 'warn' | 'error';
  message: string;
}

interface LoadedFolder {
  pkg: LoadedPackage;
  sourceDir: string;
  watch: DevFolderWatch | null;
  snapshotDir: string;
}

export class PluginRegistry implements ToolResolver {
  readonly stores: PluginStores;
  readonly services: PluginServices;
  private builtin: LoadedPackage | null = null;
  private readonly installed = new Map<string, LoadedPackage>();
  /** per installed package, the identity of the copy in memory (installedSignature) */
  private readonly installedSignatures = new Map<string, string | null>();
  /** installed packages removed while this registry ran (their tools may still be running) */
  private readonly removedPackages = new Set<string>();
  private dataFolderWatch: DataFolderWatch | null = null;
  /** the rescans in flight (dispose waits for them, so none touches the data folder after it) */
  private syncing: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly loaded = new Map<string, LoadedFolder>();
  private virtualRecords: VirtualPluginRecord[] = [];
  private readonly virtualValidators = new Map<string, ConfigValidator>();
  private readonly listeners = new Set<(change: PluginChange) => void>();
  private readonly noticeList: RegistryNotice[] = [];
  private readonly operations = new KeyedQueue();
  private readonly cleanups: Array<() => void> = [];

  constructor(
    readonly dataDir: string,
    readonly builtinDir: string,
  ) {
    this.stores = createPluginStores(dataDir);
    this.services = guardRemovedPackages(createPluginServices(dataDir, this.stores), (name) => this.removedProblem(name));
    this.cleanups.push(this.stores.virtualPlugins.addGuard((record) => this.virtualProblem(record)));
    this.cleanups.push(
      this.stores.virtualPlugins.onChange((change, records) => {
        this.virtualRecords = records;
        this.emit(change);
      }),
    );
  }

  /** info about shadowing and packages that failed to load at start (kept, not thrown) */
  notices(): RegistryNotice[] {
    return [...this.noticeList];
  }

  async start(loadedDirs: string[], watchLoaded: boolean, watchDataFolder = false): Promise<void> {
    try {
      this.builtin = await readPackage(this.builtinDir, { source: 'builtin', checkImports: false });
    } catch (error) {
      this.noticeList.push({ level: 'error', message: `built-in tools not loaded: ${(error as Error).message}` });
    }
    // watching starts before the first scan, so nothing changed in between goes unseen
    if (watchDataFolder) this.watchDataFolder();
    const scan = async () => {
      for (const name of await installedNames(this.dataDir)) await this.loadInstalled(name);
    };
    // under the packages lock only when watching (the data folder exists then); a command does not
    // create the data folder just by starting
    await this.operations.run('packages', () => (watchDataFolder ? withPackagesLock(this.dataDir, scan) : scan()));
    await this.refreshVirtual();
    for (const dir of loadedDirs) await this.loadFolder(dir, { watch: watchLoaded });
  }

  /** reads one installed package into memory; false (with an error notice) when it does not load */
  private async loadInstalled(name: string): Promise<boolean> {
    const signature = await installedSignature(this.dataDir, name);
    try {
      const pkg = await readPackage(installedDir(this.dataDir, name), { source: 'installed', checkImports: false });
      if (pkg.name !== name) throw new PackageError(path.join(pkg.dir, MANIFEST_FILE), `names the package ${JSON.stringify(pkg.name)} but is installed as ${JSON.stringify(name)}`);
      if (pkg.name === BUILTIN_PACKAGE) throw new PackageError(path.join(pkg.dir, MANIFEST_FILE), `the name "${BUILTIN_PACKAGE}" is reserved for the built-in tools`);
      this.installed.set(name, pkg);
      this.installedSignatures.set(name, signature);
      return true;
    } catch (error) {
      this.installed.delete(name);
      this.installedSignatures.set(name, signature);
      this.noticeList.push({ level: 'error', message: `installed package not loaded: ${(error as Error).message}` });
      return false;
    }
  }

  /** null while `name` may be written for; else why not (an installed package removed meanwhile) */
  private async removedProblem(name: string): Promise<string | null> {
    if (name === BUILTIN_PACKAGE || this.loaded.has(name)) return null;
    // a package this registry never had installed is left to the other checks (e.g. "parent not known")
    if (!this.installed.has(name) && !this.removedPackages.has(name)) return null;
    if ((await installedSignature(this.dataDir, name)) !== null) return null;
    return `the plugin package "${name}" is not installed any more (removed while its tool was running): nothing was written`;
  }

  // ---- changes by other processes ----------------------------------------------------------

  private watchDataFolder(): void {
    this.dataFolderWatch = new DataFolderWatch(this.dataDir, {
      changed: (dirty) => {
        this.syncing = this.syncing.then(() => this.syncDataFolder(dirty));
      },
      problem: (message) => this.noticeList.push({ level: 'warn', message }),
    });
    this.dataFolderWatch.start();
  }

  /** rescans what another process changed and emits it as if it had been done here */
  private async syncDataFolder(dirty: DataFolderDirty): Promise<void> {
    try {
      if (dirty.packages) await this.operations.run('packages', () => this.syncInstalled());
      if (dirty.virtual && !this.disposed) await this.stores.virtualPlugins.refresh();
    } catch (error) {
      if (!this.disposed) this.noticeList.push({ level: 'error', message: `rescan of ${this.dataDir} failed: ${(error as Error).message}` });
    }
  }

  /**
   * Compares `plugins/` with memory: a new or replaced folder is read and emitted as `installed`,
   * a vanished one as `removed`. Our own installs and removals already updated memory (and this
   * runs after them, in the same queue), so they compare equal and emit nothing twice.
   */
  private async syncInstalled(): Promise<void> {
    if (this.disposed) return;
    const changes = await withPackagesLock(this.dataDir, async () => {
      const found: PluginChange[] = [];
      const onDisk = await installedNames(this.dataDir);
      for (const name of onDisk) {
        const signature = await installedSignature(this.dataDir, name);
        if (this.installedSignatures.has(name) && this.installedSignatures.get(name) === signature) continue;
        const before = this.installed.get(name);
        if (await this.loadInstalled(name)) {
          const pkg = this.installed.get(name) as LoadedPackage;
          found.push({ kind: 'installed', package: name, toolIds: [...pkg.tools.values()].map((t) => t.descriptor.id) });
        } else if (before) {
          this.removedPackages.add(name);
          found.push({ kind: 'removed', package: name, toolIds: [...before.tools.values()].map((t) => t.descriptor.id) });
        }
      }
      for (const name of [...this.installedSignatures.keys()]) {
        if (onDisk.includes(name)) continue;
        const before = this.installed.get(name);
        this.installed.delete(name);
        this.installedSignatures.delete(name);
        if (!before) continue;
        this.removedPackages.add(name);
        const virtualIds = this.virtualRecords.filter((r) => r.package === name).map((r) => `${r.package}/${r.id}`);
        found.push({ kind: 'removed', package: name, toolIds: [...[...before.tools.values()].map((t) => t.descriptor.id), ...virtualIds] });
      }
      return found;
    });
    if (this.disposed) return;
    for (const change of changes) this.emit(change);
  }

  // ---- resolving and listing -------------------------------------------------------------

  private activePackage(name: string): LoadedPackage | undefined {
    if (name === BUILTIN_PACKAGE) return this.builtin ?? undefined;
    return this.loaded.get(name)?.pkg ?? this.installed.get(name);
  }

  private resolveReal(fullId: string): ResolvedTool | undefined {
    const [packageName, id, ...rest] = fullId.split('/');
    if (rest.length > 0 || !packageName || !id) return undefined;
    const pkg = this.activePackage(packageName);
    const tool = pkg?.tools.get(id);
    return pkg && tool ? toResolved(pkg, tool) : undefined;
  }

  resolve(fullId: string): ResolvedTool | undefined {
    const real = this.resolveReal(fullId);
    if (real) return real;
    const record = this.virtualRecords.find((r) => `${r.package}/${r.id}` === fullId);
    if (!record) return undefined;
    const parent = this.resolveReal(record.parent);
    if (!parent) return undefined;
    return {
      descriptor: virtualDescriptor(record, parent.descriptor),
      entryPath: parent.entryPath,
      packageDir: parent.packageDir,
      virtualPlugin: record,
      validateConfig: this.virtualValidator(record),
    };
  }

  list(): ToolDescriptor[] {
    const packages = [this.builtin, ...[...new Set([...this.installed.keys(), ...this.loaded.keys()])].sort().map((n) => this.activePackage(n))];
    const real = packages.flatMap((pkg) => (pkg ? [...pkg.tools.values()].map((t) => t.descriptor) : []));
    const virtual = this.virtualRecords
      .map((r) => this.resolve(`${r.package}/${r.id}`))
      .filter((t): t is ResolvedTool => t !== undefined && t.virtualPlugin !== null)
      .map((t) => t.descriptor);
    return [...real, ...virtual];
  }

  onChange(callback: (change: PluginChange) => void): Unsubscribe {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  private emit(change: PluginChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // one subscriber's failure must not stop the others
      }
    }
  }

  // ---- virtual tools ---------------------------------------------------------------------

  private async refreshVirtual(): Promise<void> {
    try {
      this.virtualRecords = await this.stores.virtualPlugins.refresh();
    } catch (error) {
      this.noticeList.push({ level: 'error', message: `virtual plugins not loaded: ${(error as Error).message}` });
    }
  }

  private virtualValidator(record: VirtualPluginRecord): ConfigValidator {
    if (!record.configSchema) return () => [];
    const key = `${record.package}/${record.id}@${record.createdAt}`;
    let validator = this.virtualValidators.get(key);
    if (!validator) {
      try {
        validator = compileConfigSchema(record.configSchema);
      } catch (error) {
        const message = `virtual tool ${record.package}/${record.id}: configSchema ${(error as Error).message}`;
        validator = () => [message];
      }
      this.virtualValidators.set(key, validator);
    }
    return validator;
  }

  private virtualProblem(record: VirtualPluginRecord): string | null {
    const parent = this.resolveReal(record.parent);
    if (!parent) return `the parent tool ${record.parent} is not known to this registry`;
    const pkg = this.activePackage(record.package);
    if (pkg?.tools.has(record.id)) return `the id clashes with the tool ${record.package}/${record.id} of the ${pkg.source} package at ${pkg.dir}`;
    if (record.configSchema) {
      try {
        compileConfigSchema(record.configSchema);
      } catch (error) {
        return `configSchema: ${(error as Error).message}`;
      }
    }
    return null;
  }

  /** a package's tool ids that clash with virtual tools of the same package name */
  private virtualClash(pkg: LoadedPackage): string | null {
    const clash = this.virtualRecords.find((r) => r.package === pkg.name && pkg.tools.has(r.id));
    return clash ? `the tool ${clash.package}/${clash.id} clashes with the virtual tool of that id created by ${clash.parent}` : null;
  }

  // ---- install, remove, load ---------------------------------------------------------------

  install(dir: string, options: { force?: boolean } = {}): Promise<ToolDescriptor[]> {
    return this.operations.run('packages', () => this.installNow(path.resolve(dir), options.force === true));
  }

  private async installNow(sourceDir: string, force: boolean): Promise<ToolDescriptor[]> {
    const checked = await readPackage(sourceDir, { source: 'installed', checkImports: false });
    const manifestFile = path.join(sourceDir, MANIFEST_FILE);
    if (checked.name === BUILTIN_PACKAGE) throw new PackageError(manifestFile, `the name "${BUILTIN_PACKAGE}" is reserved for the built-in tools`);
    const existing = this.installed.get(checked.name);
    if (existing && !force) {
      throw new PackageError(manifestFile, `a package named "${checked.name}" is already installed (version ${existing.version}); use --force to replace it`);
    }
    const clash = this.virtualClash(checked);
    if (clash) throw new PackageError(manifestFile, clash);
    const leaving = await symlinkLeavingFolder(await fs.realpath(sourceDir));
    if (leaving) throw new PackageError(path.join(sourceDir, leaving.link), `is a symlink pointing outside the package folder (to ${leaving.target})`);

    const staged = await stageCopy(this.dataDir, sourceDir, checked.name);
    try {
      await readPackage(staged.dir, { source: 'installed', checkImports: true });
    } catch (error) {
      await staged.discard();
      if (error instanceof PackageError) {
        const back = (text: string) => text.split(staged.dir).join(sourceDir);
        throw new PackageError(back(error.file), back(error.problem));
      }
      throw error;
    }
    await commitStaged(this.dataDir, staged, checked.name);
    const signature = await installedSignature(this.dataDir, checked.name);
    const pkg = await readPackage(installedDir(this.dataDir, checked.name), { source: 'installed', checkImports: false });
    this.installed.set(pkg.name, pkg);
    this.installedSignatures.set(pkg.name, signature);
    const tools = [...pkg.tools.values()].map((t) => t.descriptor);
    const shadow = this.loaded.get(pkg.name);
    if (shadow) this.noticeList.push({ level: 'info', message: `the loaded folder ${shadow.sourceDir} wins over the installed package ${pkg.name}` });
    this.emit({ kind: 'installed', package: pkg.name, toolIds: tools.map((t) => t.id) });
    return tools;
  }

  remove(name: string): Promise<void> {
    return this.operations.run('packages', async () => {
      if (name === BUILTIN_PACKAGE) throw new Error(`the built-in package "${BUILTIN_PACKAGE}" cannot be removed`);
      const pkg = this.installed.get(name);
      if (!pkg) throw new Error(`no package named ${JSON.stringify(name)} is installed (in ${installedDir(this.dataDir, '')})`);
      const toolIds = [...pkg.tools.values()].map((t) => t.descriptor.id);
      await removeInstalledFolder(this.dataDir, name);
      this.installed.delete(name);
      this.installedSignatures.delete(name);
      this.removedPackages.add(name);
      const virtualIds = await this.stores.virtualPlugins.removePackage(name);
      await this.stores.state.clear(name);
      await this.stores.blobs.clear(name);
      await this.refreshVirtual();
      this.emit({ kind: 'removed', package: name, toolIds: [...toolIds, ...virtualIds] });
    });
  }

  /** loads a folder for this session (development mode); with `watch`, an edit reloads it */
  loadFolder(dir: string, options: { watch?: boolean } = {}): Promise<ToolDescriptor[]> {
    return this.operations.run('packages', () => this.loadFolderNow(path.resolve(dir), options.watch !== false));
  }

  private async loadFolderNow(sourceDir: string, watch: boolean): Promise<ToolDescriptor[]> {
    const previous = [...this.loaded.values()].find((f) => f.sourceDir === sourceDir);
    const { pkg, snapshotDir } = await loadDevPackage(sourceDir, Date.now());
    try {
      this.checkLoadedName(pkg, sourceDir);
    } catch (error) {
      await fs.rm(snapshotDir, { recursive: true, force: true });
      throw error;
    }
    if (previous) {
      await previous.watch?.dispose();
      this.loaded.delete(previous.pkg.name);
    }
    const folder: LoadedFolder = { pkg, sourceDir, snapshotDir, watch: null };
    if (watch) {
      folder.watch = new DevFolderWatch(sourceDir, snapshotDir, {
        reloaded: (next) => this.reloaded(folder, next),
        failed: (error) => this.noticeList.push({ level: 'error', message: `reload of ${sourceDir} failed: ${error.message}` }),
      });
      await folder.watch.start();
    }
    this.loaded.set(pkg.name, folder);
    const installed = this.installed.get(pkg.name);
    if (installed) this.noticeList.push({ level: 'info', message: `the loaded folder ${sourceDir} wins over the installed package ${pkg.name} ${installed.version}` });
    const tools = [...pkg.tools.values()].map((t) => t.descriptor);
    this.emit({ kind: 'loaded', package: pkg.name, toolIds: tools.map((t) => t.id) });
    return tools;
  }

  private checkLoadedName(pkg: LoadedPackage, sourceDir: string): void {
    const manifestFile = path.join(sourceDir, MANIFEST_FILE);
    if (pkg.name === BUILTIN_PACKAGE) {
      throw new PackageError(manifestFile, `the name "${BUILTIN_PACKAGE}" is reserved for the built-in tools (${this.builtinDir})`);
    }
    const other = this.loaded.get(pkg.name);
    if (other && other.sourceDir !== sourceDir) {
      throw new PackageError(manifestFile, `the package name "${pkg.name}" is already taken by the loaded folder ${other.sourceDir}`);
    }
    const clash = this.virtualClash(pkg);
    if (clash) throw new PackageError(manifestFile, clash);
  }

  private reloaded(folder: LoadedFolder, next: LoadedPackage): void {
    if (this.loaded.get(folder.pkg.name) !== folder) return;
    try {
      if (next.name !== folder.pkg.name) this.checkLoadedName(next, folder.sourceDir);
    } catch (error) {
      this.noticeList.push({ level: 'error', message: `reload of ${folder.sourceDir} refused: ${(error as Error).message}` });
      return;
    }
    this.loaded.delete(folder.pkg.name);
    folder.pkg = next;
    this.loaded.set(next.name, folder);
    this.emit({ kind: 'reloaded', package: next.name, toolIds: [...next.tools.values()].map((t) => t.descriptor.id) });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.dataFolderWatch?.dispose();
    this.dataFolderWatch = null;
    await this.syncing;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const folder of this.loaded.values()) {
      await folder.watch?.dispose();
      if (!folder.watch) await fs.rm(folder.snapshotDir, { recursive: true, force: true });
    }
    this.loaded.clear();
    this.listeners.clear();
  }
}

function toResolved(pkg: LoadedPackage, tool: LoadedTool): ResolvedTool {
  return { descriptor: tool.descriptor, entryPath: tool.entryPath, packageDir: pkg.dir, virtualPlugin: null, validateConfig: tool.validateConfig };
}

function virtualDescriptor(record: VirtualPluginRecord, parent: ToolDescriptor): ToolDescriptor {
  const anchors = (list: VirtualPluginRecord['inputs']) =>
    list.map((a) => ({ name: a.name, optional: a.optional ?? false, allowMultiple: a.allowMultiple ?? false }));
  return {
    id: `${record.package}/${record.id}`,
    name: record.name,
    category: record.category ?? 'Other',
    description: record.description ?? '',
    package: record.package,
    packageDisplayName: parent.packageDisplayName,
    version: parent.version,
    source: 'virtual',
    parent: record.parent,
    inputs: anchors(record.inputs),
    outputs: anchors(record.outputs),
    configSchema: record.configSchema ?? { type: 'object' },
    defaultConfig: record.defaultConfig ?? {},
    iconSvg: parent.iconSvg,
  };
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
