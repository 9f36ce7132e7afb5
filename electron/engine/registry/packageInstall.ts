/**
 * Installing a package folder into `<dataDir>/plugins/` (checked, staged, then committed) and
 * removing an installed one together with its state, blobs and virtual tools.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_PACKAGE, MANIFEST_FILE, type ToolDescriptor } from '../../../shared/manifest.js';
import type { PluginStores } from '../stores/pluginServices.js';
import { commitStaged, installedDir, installedSignature, removeInstalledFolder, stageCopy } from './packageFolders.js';
import { PackageError, readPackage } from './packageLoader.js';
import { symlinkLeavingFolder } from './packagePaths.js';
import { toolIdsOf, type RegistryContents } from './registryContents.js';
import { refreshVirtual } from './virtualTools.js';

export async function installPackage(contents: RegistryContents, sourceDir: string, force: boolean): Promise<ToolDescriptor[]> {
  const { dataDir } = contents;
  const checked = await readPackage(sourceDir, { source: 'installed', checkImports: false });
  const manifestFile = path.join(sourceDir, MANIFEST_FILE);
  if (checked.name === BUILTIN_PACKAGE) throw new PackageError(manifestFile, `the name "${BUILTIN_PACKAGE}" is reserved for the built-in tools`);
  const existing = contents.installed.get(checked.name);
  if (existing && !force) {
    throw new PackageError(manifestFile, `a package named "${checked.name}" is already installed (version ${existing.version}); use --force to replace it`);
  }
  const clash = contents.virtualClash(checked);
  if (clash) throw new PackageError(manifestFile, clash);
  const leaving = await symlinkLeavingFolder(await fs.realpath(sourceDir));
  if (leaving) throw new PackageError(path.join(sourceDir, leaving.link), `is a symlink pointing outside the package folder (to ${leaving.target})`);

  const staged = await stageCopy(dataDir, sourceDir, checked.name);
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
  await commitStaged(dataDir, staged, checked.name);
  const signature = await installedSignature(dataDir, checked.name);
  const pkg = await readPackage(installedDir(dataDir, checked.name), { source: 'installed', checkImports: false });
  contents.installed.set(pkg.name, pkg);
  contents.installedSignatures.set(pkg.name, signature);
  const shadow = contents.loaded.get(pkg.name);
  if (shadow) contents.notice('info', `the loaded folder ${shadow.sourceDir} wins over the installed package ${pkg.name}`);
  contents.changes.emit({ kind: 'installed', package: pkg.name, toolIds: toolIdsOf(pkg) });
  return [...pkg.tools.values()].map((t) => t.descriptor);
}

export async function removePackage(contents: RegistryContents, stores: PluginStores, name: string): Promise<void> {
  if (name === BUILTIN_PACKAGE) throw new Error(`the built-in package "${BUILTIN_PACKAGE}" cannot be removed`);
  const pkg = contents.installed.get(name);
  if (!pkg) throw new Error(`no package named ${JSON.stringify(name)} is installed (in ${installedDir(contents.dataDir, '')})`);
  const toolIds = toolIdsOf(pkg);
  await removeInstalledFolder(contents.dataDir, name);
  contents.installed.delete(name);
  contents.installedSignatures.delete(name);
  contents.removedPackages.add(name);
  const virtualIds = await stores.virtualPlugins.removePackage(name);
  await stores.state.clear(name);
  await stores.blobs.clear(name);
  await refreshVirtual(contents, stores);
  contents.changes.emit({ kind: 'removed', package: name, toolIds: [...toolIds, ...virtualIds] });
}
