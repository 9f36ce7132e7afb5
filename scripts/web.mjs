// `npm run web [-- --port N] [-- --plugins DIR]`: builds what is stale (the Node side with
// scripts/buildNode.mjs; the renderer with vite when its sources are newer than dist/renderer),
// then starts the browser-mode server (electron/web/main.ts), which prints
// `Weft is running at http://127.0.0.1:PORT/?token=…` on stdout. Build output goes to stderr so
// that stdout carries only that line. WEFT_HOME chooses the data folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildNode, isBuildFresh } from './buildNode.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererOut = path.join(root, 'dist', 'renderer', 'index.html');
const viteConfig = path.join(root, 'renderer', 'vite.config.ts');

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function rendererIsStale() {
  if (!fs.existsSync(rendererOut)) return true;
  const built = fs.statSync(rendererOut).mtimeMs;
  // the formula language's function table reaches the renderer at build time (the expression editor's list)
  const sources = ['renderer', 'shared', 'plugins/formula-language'].map((dir) => newestMtime(path.join(root, dir)));
  return Math.max(...sources) > built;
}

if (!isBuildFresh()) {
  console.error('weft web: building the engine (scripts/buildNode.mjs)…');
  await buildNode();
}

if (!fs.existsSync(viteConfig)) {
  console.error('weft web: renderer/vite.config.ts is missing; serving without a renderer build');
} else if (rendererIsStale()) {
  console.error('weft web: building the renderer (vite build)…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', viteConfig], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    console.error('weft web: the renderer build failed (see above)');
    process.exit(1);
  }
}

await import(pathToFileURL(path.join(root, 'dist', 'electron', 'web', 'main.js')).href);
