/**
 * A package can be removed (`weft plugins remove` in another process, the app's Remove) while a
 * tool of it is still running. Its state, blobs and virtual tools are deleted with it, so a later
 * write by that tool would bring back orphans. The registry's plugin services refuse such writes
 * with an error naming the package; reads still answer (with what is left, usually nothing).
 */
import type { PluginServices } from '../hostContracts.js';

/** why `packageName` may no longer be written for, or null */
export type RemovedPackageCheck = (packageName: string) => Promise<string | null>;

export function guardRemovedPackages(services: PluginServices, removed: RemovedPackageCheck): PluginServices {
  const guarded =
    <A extends [string, ...unknown[]], R>(packageOf: (first: string) => string, write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const problem = await removed(packageOf(args[0]));
      if (problem) throw new Error(problem);
      return write(...args);
    };
  const byName = (packageName: string) => packageName;
  const byParent = (parentFullId: string) => String(parentFullId).split('/')[0] ?? '';
  return {
    state: {
      get: (pkg, key) => services.state.get(pkg, key),
      set: guarded(byName, (pkg: string, key: string, value: Parameters<PluginServices['state']['set']>[2]) => services.state.set(pkg, key, value)),
      delete: guarded(byName, (pkg: string, key: string) => services.state.delete(pkg, key)),
      keys: (pkg) => services.state.keys(pkg),
    },
    blobs: {
      put: guarded(byName, (pkg: string, key: string, data: Uint8Array) => services.blobs.put(pkg, key, data)),
      get: (pkg, key) => services.blobs.get(pkg, key),
      delete: guarded(byName, (pkg: string, key: string) => services.blobs.delete(pkg, key)),
      list: (pkg) => services.blobs.list(pkg),
    },
    results: services.results,
    virtualPlugins: {
      create: guarded(byParent, (parent: string, definition: Parameters<PluginServices['virtualPlugins']['create']>[1]) => services.virtualPlugins.create(parent, definition)),
      remove: guarded(byParent, (parent: string, id: string) => services.virtualPlugins.remove(parent, id)),
      list: (parent) => services.virtualPlugins.list(parent),
    },
  };
}
