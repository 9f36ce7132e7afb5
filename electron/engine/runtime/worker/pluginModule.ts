/** Loads a plugin's class: dynamic `import()` of its entry (ESM, see esmHooks.ts). */
import fs from 'node:fs';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PluginClass } from '../../../../shared/sdk/plugin.js';

let hooksRegistered = false;

export function registerPluginHooks(): void {
  if (hooksRegistered) return;
  register(new URL('./esmHooks.js', import.meta.url));
  hooksRegistered = true;
}

/**
 * The entry's mtime is part of the URL, so a warm worker picks up an edited plugin (development
 * folders) while an unchanged one comes from the module cache.
 */
export async function loadPluginClass(entryPath: string): Promise<PluginClass> {
  registerPluginHooks();
  const stamp = fs.statSync(entryPath).mtimeMs;
  const module = (await import(`${pathToFileURL(entryPath).href}?v=${stamp}`)) as { default?: unknown };
  if (typeof module.default !== 'function') {
    throw new Error(`${entryPath}: the default export is not a class`);
  }
  return module.default as PluginClass;
}
