// `npm run build:electron`: bundles the Electron main process (ESM, dist/electron/main/main.js)
// and the preload (CommonJS, dist/electron/preload/preload.cjs: sandboxed preloads cannot be ES
// modules) with esbuild. The engine is not bundled into main: its files run from dist/ (built by
// scripts/buildNode.mjs, which this runs when stale), because worker entries and built-in plugin
// paths are found relative to the compiled engine files.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNode, isBuildFresh } from './buildNode.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const engineSource = path.join(root, 'electron', 'engine');

/** keeps imports of electron/engine/** as imports of their compiled twins in dist/ */
const engineFromDist = (outDir) => ({
  name: 'engine-from-dist',
  setup(context) {
    context.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = path.resolve(args.resolveDir, args.path).replace(/\.ts$/, '.js');
      if (!target.startsWith(engineSource + path.sep)) return undefined;
      const compiled = path.join(dist, path.relative(root, target));
      let relative = path.relative(outDir, compiled).split(path.sep).join('/');
      if (!relative.startsWith('.')) relative = `./${relative}`;
      return { path: relative, external: true };
    });
  },
});

export async function buildElectron() {
  if (!isBuildFresh()) await buildNode();
  const mainOut = path.join(dist, 'electron', 'main');
  await build({
    entryPoints: [path.join(root, 'electron', 'main', 'main.ts')],
    outfile: path.join(mainOut, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    sourcemap: 'linked',
    external: ['electron', 'electron-store', 'ajv', 'ajv-formats'],
    plugins: [engineFromDist(mainOut)],
    logLevel: 'warning',
  });
  await build({
    entryPoints: [path.join(root, 'electron', 'preload', 'preload.ts')],
    outfile: path.join(dist, 'electron', 'preload', 'preload.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'chrome140',
    sourcemap: 'inline',
    external: ['electron'],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildElectron();
}
