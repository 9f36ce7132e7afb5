/**
 * Loading a plugin entry module (the SDK contract (docs/sdk.md)): an ES module whose default export is the
 * plugin class. Shared by the install check (in a child process) and the runtime's tool hosts.
 *
 * A `.js` entry loads as ESM even without `"type": "module"`: installed packages and development
 * snapshots get a `package.json` saying so when they have none (see `ensureModulePackageJson`),
 * and Node ≥ 20.19 detects module syntax in a typeless package otherwise.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PluginClass } from '../../../shared/sdk/plugin.js';

/** the import URL of an entry; `version` busts the ESM cache of a long-lived process after a reload */
export function entryUrl(entryPath: string, version?: string | number): string {
  const url = pathToFileURL(entryPath).href;
  return version === undefined ? url : `${url}?v=${encodeURIComponent(String(version))}`;
}

/** why a module namespace does not default-export a class, or null */
export function defaultExportProblem(namespace: unknown): string | null {
  const value = (namespace as { default?: unknown } | null)?.default;
  if (value === undefined) return 'has no default export (expected the plugin class: export default class …)';
  if (typeof value !== 'function') return `default-exports a ${value === null ? 'null' : typeof value}, not a class`;
  if (!(value as { prototype?: unknown }).prototype) return 'default-exports a function that cannot be constructed, not a class';
  return null;
}

/** imports an entry and returns its plugin class; throws "<file>: <problem>" */
export async function importPluginClass(entryPath: string, version?: string | number): Promise<PluginClass> {
  let namespace: unknown;
  try {
    namespace = await import(entryUrl(entryPath, version));
  } catch (error) {
    throw new Error(`${entryPath}: cannot be imported: ${firstLine(error)}`);
  }
  const problem = defaultExportProblem(namespace);
  if (problem) throw new Error(`${entryPath}: ${problem}`);
  return (namespace as { default: PluginClass }).default;
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.split('\n')[0];
}

/**
 * Makes `.js` files of a package folder load as ES modules: writes `{"type":"module"}` when the
 * folder has no package.json (an ancestor's package.json would otherwise decide). A package.json
 * without `type` is left alone (Node detects module syntax); `"type": "commonjs"` is respected.
 */
export async function ensureModulePackageJson(packageDir: string): Promise<void> {
  const file = path.join(packageDir, 'package.json');
  try {
    await fs.access(file);
  } catch {
    await fs.writeFile(file, '{ "type": "module" }\n');
  }
}
