/**
 * Reading the installed packages under `<dataDir>/plugins/` into memory: the scan at start, the
 * rescan after another process changed the folder, and the check that stops a tool writing for a
 * package removed while it ran.
 */
import path from 'node:path';
import { BUILTIN_PACKAGE, MANIFEST_FILE } from '../../../shared/manifest.js';
import type { PluginChange } from '../../../shared/weftApi.js';
import { installedDir, installedNames, installedSignature, withPackagesLock } from './packageFolders.js';
import { PackageError, readPackage, type LoadedPackage } from './packageLoader.js';
import { toolIdsOf, type RegistryContents } from './registryContents.js';

/** reads one installed package into memory; false (with an error notice) when it does not load */
export async function loadInstalled(contents: RegistryContents, name: string): Promise<boolean> {
  const { dataDir } = contents;
  const signature = await installedSignature(dataDir, name);
  try {
    const pkg = await readPackage(installedDir(dataDir, name), { source: 'installed', checkImports: false });
    if (pkg.name !== name) throw new PackageError(path.join(pkg.dir, MANIFEST_FILE), `names the package ${JSON.stringify(pkg.name)} but is installed as ${JSON.stringify(name)}`);
    if (pkg.name === BUILTIN_PACKAGE) throw new PackageError(path.join(pkg.dir, MANIFEST_FILE), `the name "${BUILTIN_PACKAGE}" is reserved for the built-in tools`);
    contents.installed.set(name, pkg);
    contents.installedSignatures.set(name, signature);
    return true;
  } catch (error) {
    contents.installed.delete(name);
    contents.installedSignatures.set(name, signature);
    contents.notice('error', `installed package not loaded: ${(error as Error).message}`);
    return false;
  }
}

/**
 * The first scan. Under the packages lock only when `locked` (the app, which watches the data
 * folder, so it exists); a command does not create the data folder just by starting.
 */
export async function scanInstalled(contents: RegistryContents, locked: boolean): Promise<void> {
  const scan = async () => {
    for (const name of await installedNames(contents.dataDir)) await loadInstalled(contents, name);
  };
  await (locked ? withPackagesLock(contents.dataDir, scan) : scan());
}

/**
 * Compares `plugins/` with memory: a new or replaced folder is read and returned as `installed`,
 * a vanished one as `removed`. Our own installs and removals already updated memory (and this
 * runs after them, in the same queue), so they compare equal and are not reported twice.
 */
export function syncInstalled(contents: RegistryContents): Promise<PluginChange[]> {
  const { dataDir, installed, installedSignatures, removedPackages } = contents;
  return withPackagesLock(dataDir, async () => {
    const found: PluginChange[] = [];
    const onDisk = await installedNames(dataDir);
    for (const name of onDisk) {
      const signature = await installedSignature(dataDir, name);
      if (installedSignatures.has(name) && installedSignatures.get(name) === signature) continue;
      const before = installed.get(name);
      if (await loadInstalled(contents, name)) {
        found.push({ kind: 'installed', package: name, toolIds: toolIdsOf(installed.get(name) as LoadedPackage) });
      } else if (before) {
        removedPackages.add(name);
        found.push({ kind: 'removed', package: name, toolIds: toolIdsOf(before) });
      }
    }
    for (const name of [...installedSignatures.keys()]) {
      if (onDisk.includes(name)) continue;
      const before = installed.get(name);
      installed.delete(name);
      installedSignatures.delete(name);
      if (!before) continue;
      removedPackages.add(name);
      const virtualIds = contents.virtualRecords.filter((r) => r.package === name).map((r) => `${r.package}/${r.id}`);
      found.push({ kind: 'removed', package: name, toolIds: [...toolIdsOf(before), ...virtualIds] });
    }
    return found;
  });
}

/** null while `name` may be written for; else why not (an installed package removed meanwhile) */
export async function removedProblem(contents: RegistryContents, name: string): Promise<string | null> {
  if (name === BUILTIN_PACKAGE || contents.loaded.has(name)) return null;
  // a package this registry never had installed is left to the other checks (e.g. "parent not known")
  if (!contents.installed.has(name) && !contents.removedPackages.has(name)) return null;
  if ((await installedSignature(contents.dataDir, name)) !== null) return null;
  return `the plugin package "${name}" is not installed any more (removed while its tool was running): nothing was written`;
}
