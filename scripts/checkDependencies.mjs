// `npm run check:deps` (a step of `npm test`): package.json's `dependencies` hold exactly what the
// main process, the engine and its workers, the `weft` command and the built-in plugins import at
// run time; everything else (the renderer, bundled by Vite; tests; tools) is a devDependency, and
// every devDependency is used somewhere. A small script rather than knip or depcheck: both find
// unused packages but neither knows the rule "dependencies = what the packaged main process and
// workers load", which is the one that keeps the app's asar small.
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});
const devDependencies = Object.keys(pkg.devDependencies ?? {});
// the repository's own workspace packages (@weft/sdk): part of it, never a dependency to install
const workspacePackages = new Set((pkg.workspaces ?? []).map((dir) => JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')).name));

// Packages no file of ours imports, which a bundled library imports and Vite must therefore resolve.
const requiredByBundledLibraries = new Map([
  ['@rjsf/validator-ajv8', "@rjsf/core's index imports it (getTestRegistry); tree-shaking drops it from the bundle, but the import must resolve"],
]);

const skippedDirs = new Set(['node_modules', 'dist', 'out', '.git', 'test-results', 'playwright-report']);
const sourceFile = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') && entry.name !== '.ci') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skippedDirs.has(entry.name)) walk(full, out);
    } else if (sourceFile.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** code that runs in the packaged app or the `weft` command (not the renderer, not tests) */
export function isRuntimeFile(relative) {
  const file = relative.split(path.sep).join('/');
  if (!/^(shared|electron|plugins|bin)\//.test(file)) return false;
  if (/\.test\.tsx?$/.test(file) || /Bench\.ts$/.test(file)) return false;
  return !/(^|\/)(testing|fixtures|[^/]*Testkit)(\/|$)/.test(file) && !/(Testbed|Fixtures|Testkit)\.ts$/.test(file);
}

/** the package a bare import specifier names, or undefined for relative, node: and built-in ones */
export function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return builtinModules.includes(name) ? undefined : name;
}

/** packages a source text imports; type-only imports are left out when `valuesOnly` */
export function importedPackages(text, valuesOnly) {
  const found = new Set();
  const patterns = [
    /^\s*(import|export)\s+(type\s+)?[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const match of text.matchAll(patterns[0])) {
    if (valuesOnly && match[2]) continue;
    found.add(match[3]);
  }
  for (const match of text.matchAll(patterns[1])) found.add(match[1]);
  for (const match of text.matchAll(patterns[2])) found.add(match[1]);
  return new Set([...found].map(packageOf).filter(Boolean));
}

function binNames(name) {
  const manifest = path.join(root, 'node_modules', name, 'package.json');
  if (!fs.existsSync(manifest)) return [];
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  if (!bin) return [];
  return typeof bin === 'string' ? [name.split('/').pop()] : Object.keys(bin);
}

export function checkDependencies() {
  const runtime = new Set();
  const anywhere = new Set();
  const runtimeUsers = new Map();
  let toolText = Object.values(pkg.scripts ?? {}).join('\n');
  for (const file of walk(root)) {
    const relative = path.relative(root, file);
    const text = fs.readFileSync(file, 'utf8');
    for (const name of importedPackages(text, false)) anywhere.add(name);
    if (isRuntimeFile(relative)) {
      for (const name of importedPackages(text, true)) {
        runtime.add(name);
        if (!runtimeUsers.has(name)) runtimeUsers.set(name, relative);
      }
    }
    if (relative.startsWith('scripts') || relative.startsWith('.ci') || !relative.includes(path.sep)) toolText += `\n${text}`;
  }
  for (const file of ['.ci/run', 'electron-builder.yml']) {
    if (fs.existsSync(path.join(root, file))) toolText += `\n${fs.readFileSync(path.join(root, file), 'utf8')}`;
  }

  const problems = [];
  for (const name of dependencies) {
    if (runtime.has(name)) continue;
    problems.push(anywhere.has(name)
      ? `${name}: in dependencies but only the renderer, tests or tools import it: move it to devDependencies`
      : `${name}: in dependencies but nothing imports it: remove it`);
  }
  for (const name of runtime) {
    if (name === 'electron' || dependencies.includes(name) || workspacePackages.has(name)) continue;
    problems.push(`${name}: ${runtimeUsers.get(name)} imports it at run time but it is not in dependencies`);
  }
  for (const name of devDependencies) {
    if (anywhere.has(name) || requiredByBundledLibraries.has(name)) continue;
    const typed = name.startsWith('@types/') ? name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2') : undefined;
    if (typed && (typed === 'node' || anywhere.has(typed) || dependencies.includes(typed))) continue;
    const invoked = binNames(name).some((bin) => new RegExp(`(^|[\\s'"\`/])${bin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\s'"\`]|$)`, 'm').test(toolText));
    if (!invoked) problems.push(`${name}: in devDependencies but nothing imports or runs it: remove it`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = checkDependencies();
  for (const problem of problems) console.error(`dependency check: ${problem}`);
  if (problems.length === 0) console.log(`dependency check: ${dependencies.length} dependencies, ${devDependencies.length} devDependencies, all in their place`);
  process.exitCode = problems.length > 0 ? 1 : 0;
}
