/**
 * What the registry holds in memory: the built-in package, the installed packages (with the
 * identity of each copy), the folders loaded for development, the virtual tool records, the
 * notices kept for the app, and the change events. The registry's parts (scanning, install,
 * dev folders, virtual tools, resolution) all read and write this one object.
 */
import { BUILTIN_PACKAGE } from '../../../shared/manifest.js';
import type { VirtualPluginRecord } from '../../../shared/sdk/plugin.js';
import type { DevFolderWatch } from './devFolder.js';
import type { LoadedPackage } from './packageLoader.js';
import { PluginChanges } from './pluginChanges.js';

export interface RegistryNotice {
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** a folder loaded for this session: its current snapshot and, when watched, its watch */
export interface LoadedFolder {
  pkg: LoadedPackage;
  sourceDir: string;
  watch: DevFolderWatch | null;
  snapshotDir: string;
}

export class RegistryContents {
  builtin: LoadedPackage | null = null;
  readonly installed = new Map<string, LoadedPackage>();
  /** per installed package, the identity of the copy in memory (installedSignature) */
  readonly installedSignatures = new Map<string, string | null>();
  /** installed packages removed while this registry ran (their tools may still be running) */
  readonly removedPackages = new Set<string>();
  readonly loaded = new Map<string, LoadedFolder>();
  virtualRecords: VirtualPluginRecord[] = [];
  /** info about shadowing and packages that failed to load (kept, not thrown) */
  readonly notices: RegistryNotice[] = [];
  readonly changes = new PluginChanges();

  constructor(
    readonly dataDir: string,
    readonly builtinDir: string,
  ) {}

  notice(level: RegistryNotice['level'], message: string): void {
    this.notices.push({ level, message });
  }

  /** the package that answers for `name`: a loaded folder wins over the installed copy */
  activePackage(name: string): LoadedPackage | undefined {
    if (name === BUILTIN_PACKAGE) return this.builtin ?? undefined;
    return this.loaded.get(name)?.pkg ?? this.installed.get(name);
  }

  /** a package's tool ids that clash with virtual tools of the same package name */
  virtualClash(pkg: LoadedPackage): string | null {
    const clash = this.virtualRecords.find((r) => r.package === pkg.name && pkg.tools.has(r.id));
    return clash ? `the tool ${clash.package}/${clash.id} clashes with the virtual tool of that id created by ${clash.parent}` : null;
  }
}

/** the tool ids of a package, as change events name them */
export function toolIdsOf(pkg: LoadedPackage): string[] {
  return [...pkg.tools.values()].map((t) => t.descriptor.id);
}
