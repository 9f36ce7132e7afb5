#!/usr/bin/env node
// The `weft` command. From a checkout it first recompiles the Node sources when they changed, so
// `npm run weft -- …` works right after `npm install` with no build step to remember.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildScript = path.join(root, 'scripts', 'buildNode.mjs');
if (fs.existsSync(buildScript)) {
  const { ensureBuilt } = await import(pathToFileURL(buildScript).href);
  await ensureBuilt();
}
const { main } = await import(pathToFileURL(path.join(root, 'dist', 'electron', 'cli', 'weft.js')).href);
process.exitCode = await main(process.argv.slice(2));
