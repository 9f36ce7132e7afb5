/**
 * The harness's own two tools (`weft/harness-source`, `weft/harness-capture`), written as a package
 * folder whose entries re-export the compiled tools from dist/. The harness's registry takes it as
 * its built-in package: the tool under test needs no other built-in, and a built-in package is
 * read without the child-process import check a loaded folder gets (seconds on a busy machine).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN_PACKAGE, MANIFEST_FILE, type PluginManifest } from '../../../shared/manifest.js';
import { compiledSibling } from '../compiledPath.js';
import { manifestProblem } from '../registry/manifestSchema.js';

export const HARNESS_SOURCE = `${BUILTIN_PACKAGE}/harness-source`;
export const HARNESS_CAPTURE = `${BUILTIN_PACKAGE}/harness-capture`;

const MANIFEST: PluginManifest = {
  name: BUILTIN_PACKAGE,
  version: '1.0.0',
  tools: [
    { id: 'harness-source', name: 'Harness Source', entry: 'source.js', inputs: [], outputs: [{ name: 'Output' }] },
    { id: 'harness-capture', name: 'Harness Capture', entry: 'capture.js', inputs: [{ name: 'Input' }], outputs: [] },
  ],
};

/** writes the package; the caller removes the folder */
export async function writeHarnessPackage(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'weft-harness-'));
  // a registry reads its built-in package as checked at build, defaults filled in: so is this one
  const manifest = structuredClone(MANIFEST);
  const problem = manifestProblem(manifest);
  if (problem) throw new Error(`the harness package's manifest: ${problem}`);
  await fs.writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const [entry, compiled] of [['source.js', 'tools/harnessSource.js'], ['capture.js', 'tools/harnessCapture.js']]) {
    const url = pathToFileURL(compiledSibling(import.meta.url, compiled)).href;
    await fs.writeFile(path.join(dir, entry), `export { default } from ${JSON.stringify(url)};\n`);
  }
  return dir;
}
