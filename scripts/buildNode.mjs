// Compiles the Node side (shared/, electron/engine|cli|web, plugins/) to dist/ with esbuild:
// one output file per source file (no bundling), so worker entries and plugin entries keep their
// paths. Non-TypeScript plugin assets (manifests, icons) are copied. Fast enough to run before
// every `weft` command when sources changed.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const sourceDirs = ['shared', 'electron/engine', 'electron/cli', 'electron/web', 'plugins'];

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'fixtures') continue;
      walk(full, out);
    } else out.push(full);
  }
  return out;
}

// Test-only code (the engine test harness, the registry testbed and fixtures, the tool testkit that
// imports the dev-only DuckDB package) stays out of dist/: the app packs dist/. Tests run it from
// the TypeScript sources; scripts/measureRuntime.mjs bundles the one tool that needs it.
export function isTestOnly(file) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return /(^|\/)(testing|[^/]*Testkit)\//.test(relative) || /(Testbed|Fixtures|Testkit)\.ts$/.test(relative);
}
const testOnlyOutputs = ['electron/engine/testing', 'plugins/common/transformTestkit', 'electron/engine/registry/registryTestbed.js', 'electron/engine/registry/packageFixtures.js', 'electron/engine/alteryxImport/importTestkit.js'];

function isSource(file) {
  return /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('.d.ts');
}

export function newestSourceMtime() {
  let newest = 0;
  for (const dir of sourceDirs) {
    for (const file of walk(path.join(root, dir))) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

const stampFile = path.join(dist, '.node-build-stamp');

export function isBuildFresh() {
  if (!fs.existsSync(stampFile)) return false;
  return fs.statSync(stampFile).mtimeMs >= newestSourceMtime();
}

// The built-in package's manifest is assembled from one `tool.json` per tool folder, so each
// tool owns its own file; dist/plugins is then an ordinary plugin package folder.
function writeBuiltinManifest() {
  const pluginsDir = path.join(root, 'plugins');
  const pkg = JSON.parse(fs.readFileSync(path.join(pluginsDir, 'weft-package.json'), 'utf8'));
  const tools = [];
  for (const entry of fs.readdirSync(pluginsDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const toolFile = path.join(pluginsDir, entry.name, 'tool.json');
    if (entry.isDirectory() && fs.existsSync(toolFile)) tools.push(JSON.parse(fs.readFileSync(toolFile, 'utf8')));
  }
  const target = path.join(dist, 'plugins', 'weft-plugin.json');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify({ ...pkg, tools }, null, 2) + '\n');
  fs.rmSync(path.join(dist, 'plugins', 'weft-package.json'), { force: true });
}

// Two processes (say `weft` and `npm run web`) may find the build stale at once: a lock folder
// (mkdir is atomic) lets one build while the other waits, so nobody imports a half-written file.
const lockDir = path.join(root, '.build-lock');

async function withBuildLock(work) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000 || Date.now() > deadline) fs.rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

// apache-arrow as one ES module file in dist/node_modules/apache-arrow, which Node finds before the
// real package for every import of 'apache-arrow' under dist/ (one shared instance, as before).
// Its regular ES build is ~150 files: loading them cost each tool worker ~100 ms of CPU (6
// workers: 0.89 s vs 0.24 s of user CPU), most of a cold run's start-up (docs/performance.md).
async function writeArrowBundle() {
  const source = path.join(root, 'node_modules', 'apache-arrow');
  const { version } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  const target = path.join(dist, 'node_modules', 'apache-arrow');
  const manifest = path.join(target, 'package.json');
  const pkg = { name: 'apache-arrow', version, type: 'module', exports: { '.': './arrow.mjs' }, description: 'bundled from node_modules/apache-arrow by scripts/buildNode.mjs' };
  if (fs.existsSync(path.join(target, 'arrow.mjs')) && fs.existsSync(manifest) && fs.readFileSync(manifest, 'utf8') === JSON.stringify(pkg)) return;
  await build({
    entryPoints: [path.join(source, 'Arrow.node.mjs')], bundle: true, minify: true, format: 'esm', platform: 'node',
    target: 'node20', outfile: path.join(target, 'arrow.mjs'), logLevel: 'error',
  });
  fs.writeFileSync(manifest, JSON.stringify(pkg));
}

/** builds unless a build is fresh; waits for a build under way in another process */
export async function ensureBuilt() {
  if (isBuildFresh()) return;
  await withBuildLock(async () => {
    if (!isBuildFresh()) await buildUnlocked();
  });
}

export async function buildNode() {
  await withBuildLock(buildUnlocked);
}

async function buildUnlocked() {
  const files = sourceDirs.flatMap((dir) => walk(path.join(root, dir)));
  const entryPoints = files.filter((file) => isSource(file) && !isTestOnly(file));
  for (const stale of testOnlyOutputs) fs.rmSync(path.join(dist, stale), { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: dist,
    outbase: root,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  for (const file of files) {
    if (file.startsWith(path.join(root, 'plugins')) && !isSource(file) && !/\.test\.tsx?$/.test(file) && !isTestOnly(file)) {
      const target = path.join(dist, path.relative(root, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
    }
  }
  writeBuiltinManifest();
  await writeArrowBundle();
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(stampFile, new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildNode();
}
