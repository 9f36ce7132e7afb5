// package-lock.json must hold every platform's optional native packages: an `npm install` on one
// platform can rewrite the file without the others', and an install on macOS or Windows from such
// a lock then misses its native binaries (rollup, esbuild, the DuckDB bindings).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../electron/engine/compiledPath.js';

interface LockEntry {
  version?: string;
  integrity?: string;
  os?: string[];
  cpu?: string[];
  optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
const PLATFORM = /(darwin|win32|linux|freebsd|android|openbsd|netbsd|sunos|aix|openharmony)/;

/** the entry npm would use for `name` required from the package at `from` (node_modules lookup upwards) */
function entryFor(name: string, from: string): LockEntry | undefined {
  for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
    const found = lock.packages[`${at ? `${at}/` : ''}node_modules/${name}`];
    if (found || at === '') return found;
  }
}

describe('package-lock.json has every platform\'s optional native packages', () => {
  it('every platform-specific optional dependency of every locked package has its own entry', () => {
    const missing: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!PLATFORM.test(name)) continue;
        const found = entryFor(name, where);
        if (!found?.version || !found.integrity) missing.push(`${name} (optional dependency of ${where || 'the project'})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the native packages of macOS and Windows are there, marked for their platform', () => {
    for (const name of [
      '@rollup/rollup-darwin-arm64', '@rollup/rollup-darwin-x64', '@rollup/rollup-win32-x64-msvc',
      '@esbuild/darwin-arm64', '@esbuild/darwin-x64', '@esbuild/win32-x64',
      '@duckdb/node-bindings-darwin-arm64', '@duckdb/node-bindings-darwin-x64', '@duckdb/node-bindings-win32-x64',
    ]) {
      const entry = Object.entries(lock.packages).find(([key]) => key.endsWith(`node_modules/${name}`))?.[1];
      expect(entry, name).toBeDefined();
      expect(entry?.os?.some((os) => name.includes(os)), `${name} os: ${JSON.stringify(entry?.os)}`).toBe(true);
    }
  });
});
