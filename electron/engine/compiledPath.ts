/**
 * Worker entries and built-in plugins run as compiled JavaScript from `dist/`. Under vitest the
 * engine itself runs from TypeScript sources, so a module path ending in `.ts` is mapped to its
 * compiled twin in `dist/`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const runningFromSource = here.endsWith('.ts');

/** the repository root (the folder holding package.json) */
export const projectRoot = runningFromSource
  ? path.resolve(path.dirname(here), '../..')
  : path.resolve(path.dirname(here), '../../..');

export const distRoot = path.join(projectRoot, 'dist');

/** absolute path of the compiled JavaScript file for a sibling of `moduleUrl` */
export function compiledSibling(moduleUrl: string, fileName: string): string {
  const file = fileURLToPath(moduleUrl);
  const dir = path.dirname(file);
  if (!file.endsWith('.ts')) return path.join(dir, fileName);
  return path.join(distRoot, path.relative(projectRoot, dir), fileName);
}

/** the compiled built-in plugin package (`plugins/` after the build) */
export const builtinPluginsDir = path.join(distRoot, 'plugins');
