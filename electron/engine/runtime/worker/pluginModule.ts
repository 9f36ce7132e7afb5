/** Loads a plugin's class: dynamic `import()` of its entry (ESM, see esmHooks.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PluginClass } from '../../../../shared/sdk/plugin.js';

let hooksRegistered = false;

/** the loader hook runs in its own thread (~100+ ms per worker), so it is registered only when needed */
export function registerPluginHooks(): void {
  if (hooksRegistered) return;
  register(new URL('./esmHooks.js', import.meta.url));
  hooksRegistered = true;
}

const moduleTypeOfDir = new Map<string, boolean>();

/** true when Node's own rules already load this `.js` file as ESM (nearest package.json says "module") */
function isEsmByPackageJson(file: string): boolean {
  const dir = path.dirname(file);
  const known = moduleTypeOfDir.get(dir);
  if (known !== undefined) return known;
  let answer = false;
  const manifest = path.join(dir, 'package.json');
  if (fs.existsSync(manifest)) {
    try {
      answer = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module';
    } catch {
      answer = false;
    }
  } else if (path.dirname(dir) !== dir) {
    answer = isEsmByPackageJson(dir);
  }
  moduleTypeOfDir.set(dir, answer);
  return answer;
}

/**
 * The entry's mtime is part of the URL, so a warm worker picks up an edited plugin (development
 * folders) while an unchanged one comes from the module cache.
 */
export async function loadPluginClass(entryPath: string): Promise<PluginClass> {
  if (!entryPath.endsWith('.mjs') && !isEsmByPackageJson(entryPath)) registerPluginHooks();
  const stat = fs.statSync(entryPath, { throwIfNoEntry: false });
  if (!stat) throw new Error(`the plugin file ${entryPath} no longer exists (was its package removed?)`);
  const stamp = stat.mtimeMs;
  const module = (await import(`${pathToFileURL(entryPath).href}?v=${stamp}`)) as { default?: unknown };
  if (typeof module.default !== 'function') {
    throw new Error(`${entryPath}: the default export is not a class`);
  }
  return module.default as PluginClass;
}
