// `node scripts/measureRuntime.mjs`: runs electron/engine/testing/measureRuntime.ts. The test
// harness is not in dist/ (scripts/buildNode.mjs keeps test-only code out of what the app packs), so
// the tool and the harness are bundled into dist-dev/, their imports of product code pointing at the
// compiled files in dist/ (worker entries and plugins are found there).
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { buildNode, isBuildFresh, isTestOnly } from './buildNode.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'dist-dev', 'measureRuntime.mjs');

const productFromDist = {
  name: 'product-from-dist',
  setup(context) {
    context.onResolve({ filter: /^\.\.?\// }, (args) => {
      const source = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      if (isTestOnly(source)) return undefined;
      const compiled = path.join(root, 'dist', path.relative(root, source)).replace(/\.ts$/, '.js');
      return { path: pathToFileURL(compiled).href, external: true };
    });
  },
};

if (!isBuildFresh()) await buildNode();
await build({
  entryPoints: [path.join(root, 'electron', 'engine', 'testing', 'measureRuntime.ts')],
  outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external',
  plugins: [productFromDist], logLevel: 'error',
});
await import(pathToFileURL(outfile).href);
