// Packs shared/sdk as the npm package @weft/sdk (one .tgz): index.js and testing.js bundled with
// esbuild (apache-arrow left to the user's own install, a peer dependency), declarations from tsc.
// `node scripts/packSdk.mjs [OUT_DIR]` prints the tarball's path; `weft plugins new` uses it so a new
// plugin depends on the SDK like any npm package (file:vendor/weft-sdk-X.tgz), ready for the registry.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sdkDir = path.join(root, 'shared', 'sdk');

export async function packSdk(outDir) {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-sdk-pack-'));
  try {
    const common = { bundle: true, format: 'esm', target: 'node20', external: ['apache-arrow'], logLevel: 'error' };
    await build({ ...common, entryPoints: [path.join(sdkDir, 'index.ts')], outfile: path.join(staging, 'index.js'), platform: 'neutral' });
    await build({ ...common, entryPoints: [path.join(sdkDir, 'testing', 'index.ts')], outfile: path.join(staging, 'testing.js'), platform: 'node' });
    const tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [
      tsc, '--declaration', '--emitDeclarationOnly', '--outDir', path.join(staging, 'types'), '--rootDir', path.join(root, 'shared'),
      '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--lib', 'ES2023', '--types', 'node',
      '--strict', '--skipLibCheck', path.join(sdkDir, 'index.ts'), path.join(sdkDir, 'testing', 'index.ts'),
    ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    for (const file of ['package.json', 'README.md']) fs.copyFileSync(path.join(sdkDir, file), path.join(staging, file));
    fs.mkdirSync(outDir, { recursive: true });
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', path.resolve(outDir)], { cwd: staging, encoding: 'utf8' });
    return path.join(path.resolve(outDir), out.trim().split('\n').pop());
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await packSdk(process.argv[2] ?? path.join(root, 'dist', 'sdk')));
}
