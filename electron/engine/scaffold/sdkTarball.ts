/**
 * The packed `@weft/sdk` a new plugin depends on (`file:vendor/weft-sdk-X.tgz`): built from the
 * checkout's shared/sdk by scripts/packSdk.mjs into dist/sdk/, again only when the SDK's sources
 * are newer than the tarball.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { SDK_VERSION } from '../../../shared/sdk/plugin.js';

export const SDK_TARBALL = `weft-sdk-${SDK_VERSION}.tgz`;

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await fs.stat(path.join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

export async function sdkTarball(weftRoot: string): Promise<string> {
  const target = path.join(weftRoot, 'dist', 'sdk', SDK_TARBALL);
  const built = await fs.stat(target).then((s) => s.mtimeMs, () => 0);
  const sources = Math.max(await newestMtime(path.join(weftRoot, 'shared', 'sdk')), ...await Promise.all(
    ['metadata.ts', 'manifest.ts', 'runEvents.ts', 'ownValue.ts'].map((f) => fs.stat(path.join(weftRoot, 'shared', f)).then((s) => s.mtimeMs)),
  ));
  if (built >= sources) return target;
  const packScript = path.join(weftRoot, 'scripts', 'packSdk.mjs');
  await fs.access(packScript).catch(() => {
    throw new Error(`${packScript} is missing: \`weft plugins new\` packs @weft/sdk from a Weft checkout`);
  });
  // packed into a folder of its own, then renamed: a scaffold running at the same time never sees half a file
  await fs.mkdir(path.dirname(target), { recursive: true });
  const staging = await fs.mkdtemp(path.join(path.dirname(target), 'pack-'));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [packScript, staging], { cwd: weftRoot });
    await fs.rename(stdout.trim().split('\n').pop()!, target);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  return target;
}
