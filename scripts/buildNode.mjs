// Compiles the Node side (shared/, electron/engine|cli|web, plugins/) to dist/ with esbuild:
// one output file per source file, so worker entries and plugin entries keep their paths; the tool
// host worker and each built-in tool's entry are then bundled over their own output (see
// bundleWorkerEntries). Non-TypeScript plugin assets (manifests, icons) are copied. Fast enough to run before
// every `weft` command when sources changed. esbuild is imported only when a build runs: `weft`
// checks freshness on every start, and loading esbuild cost more than the check itself.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const sourceDirs = ['shared', 'electron/engine', 'electron/host', 'electron/cli', 'electron/web', 'plugins'];

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
// tool owns its own file; dist/plugins is then an ordinary plugin package folder. It is checked
// against the manifest schema here and written with its defaults filled in, so the registry reads
// it without checking it again at every start (packageLoader.ts, `checkedAtBuild`).
async function writeBuiltinManifest() {
  const pluginsDir = path.join(root, 'plugins');
  const pkg = JSON.parse(fs.readFileSync(path.join(pluginsDir, 'weft-package.json'), 'utf8'));
  const tools = [];
  for (const entry of fs.readdirSync(pluginsDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const toolFile = path.join(pluginsDir, entry.name, 'tool.json');
    if (entry.isDirectory() && fs.existsSync(toolFile)) tools.push(JSON.parse(fs.readFileSync(toolFile, 'utf8')));
  }
  const manifest = { ...pkg, tools };
  const { manifestProblem, sdkRangeProblem } = await import(pathToFileURL(path.join(dist, 'electron', 'engine', 'registry', 'manifestSchema.js')).href);
  const { SDK_VERSION } = await import(pathToFileURL(path.join(dist, 'shared', 'sdk', 'plugin.js')).href);
  const problem = manifestProblem(manifest) ?? sdkRangeProblem(manifest.sdk, SDK_VERSION);
  if (problem) throw new Error(`the built-in package's manifest (plugins/*/tool.json, plugins/weft-package.json): ${problem}`);
  manifest.displayName ??= manifest.name;
  const target = path.join(dist, 'plugins', 'weft-plugin.json');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(manifest, null, 2) + '\n');
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
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(source, 'Arrow.node.mjs')], bundle: true, minify: true, format: 'esm', platform: 'node',
    target: 'node20', outfile: path.join(target, 'arrow.mjs'), logLevel: 'error',
  });
  fs.writeFileSync(manifest, JSON.stringify(pkg));
}

// Every tool runs in a worker of its own, which imports the tool host and the tool's entry afresh:
// as one file each instead of ~25 and ~40 modules, a cold 6-tool run spends ~40 % less CPU starting
// its workers (docs/performance.md, "Cold start"). The bundles overwrite the per-file outputs at the
// same paths. Kept as their own modules, imported from the bundle: npm packages (apache-arrow's one
// copy among them), shared/ (the SDK's packet class must be one class for the host and the tools),
// and any module reading import.meta (it finds files beside itself, e.g. a worker entry).
const keepSeparate = (outDir) => ({
  name: 'keep-separate',
  setup(bundler) {
    bundler.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const source = path.resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      if (!fs.existsSync(source)) return undefined;
      const inShared = path.relative(root, source).split(path.sep)[0] === 'shared';
      if (!inShared && !fs.readFileSync(source, 'utf8').includes('import.meta')) return undefined;
      const relative = path.relative(outDir, source).split(path.sep).join('/').replace(/\.ts$/, '.js');
      return { path: relative.startsWith('.') ? relative : `./${relative}`, external: true };
    });
  },
});

async function bundleWorkerEntries(build) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'plugins', 'weft-plugin.json'), 'utf8'));
  const pluginEntries = [...new Set(manifest.tools.map((tool) => path.join(root, 'plugins', tool.entry.replace(/\.js$/, '.ts'))))];
  const hostEntry = path.join(root, 'electron', 'engine', 'runtime', 'worker', 'toolHostWorker.ts');
  // one build per folder depth, so a kept-separate module's path is right from every bundle in it
  const byFolder = new Map();
  for (const entry of [hostEntry, ...pluginEntries]) {
    const depth = path.relative(root, path.dirname(entry)).split(path.sep).length;
    if (!byFolder.has(depth)) byFolder.set(depth, { dir: path.dirname(entry), entries: [] });
    byFolder.get(depth).entries.push(entry);
  }
  for (const { dir, entries } of byFolder.values()) {
    await build({
      entryPoints: entries, bundle: true, packages: 'external', plugins: [keepSeparate(dir)],
      outdir: dist, outbase: root, format: 'esm', platform: 'node', target: 'node20', sourcemap: 'inline', logLevel: 'error',
    });
  }
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
  const { build } = await import('esbuild');
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
  await writeBuiltinManifest();
  await writeArrowBundle();
  await bundleWorkerEntries(build);
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(stampFile, new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildNode();
}
