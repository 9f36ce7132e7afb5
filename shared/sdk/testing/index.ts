/**
 * `@weft/sdk/testing`: `runTool` for a plugin's tests (Node only). The engine is not part of the
 * SDK: it comes from the Weft on this machine, found as `$WEFT_ROOT`, else the path in a
 * `.weft-root` file in the current folder or one above it (what `weft plugins new` writes), and
 * is compiled first when its sources changed, as the `weft` command does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RunTool, RunToolOptions, RunToolResult } from '../harness.js';

export type { RunToolOptions, RunToolResult, ToolInput } from '../harness.js';

/** the Weft checkout or install that runs the tools */
export function findWeftRoot(from: string = process.cwd()): string {
  if (process.env.WEFT_ROOT) return path.resolve(process.env.WEFT_ROOT);
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, '.weft-root');
    if (fs.existsSync(file)) return path.resolve(dir, fs.readFileSync(file, 'utf8').trim());
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`@weft/sdk/testing: no Weft found: set WEFT_ROOT to the folder of your Weft checkout (the one holding bin/weft.mjs), or write that path into a .weft-root file in ${from}`);
}

let engine: Promise<RunTool> | undefined;

async function loadEngine(): Promise<RunTool> {
  const root = findWeftRoot();
  const buildScript = path.join(root, 'scripts', 'buildNode.mjs');
  if (fs.existsSync(buildScript)) {
    const { ensureBuilt } = (await import(pathToFileURL(buildScript).href)) as { ensureBuilt: () => Promise<void> };
    await ensureBuilt();
  }
  const harness = path.join(root, 'dist', 'electron', 'engine', 'toolHarness', 'runTool.js');
  if (!fs.existsSync(harness)) throw new Error(`@weft/sdk/testing: ${root} has no ${path.relative(root, harness)}: is it a Weft of SDK 1.x?`);
  return ((await import(pathToFileURL(harness).href)) as { runTool: RunTool }).runTool;
}

/**
 * Runs one tool of a plugin folder through the real engine, fed by `inputs` (rows per input
 * anchor), in a full run or `updateOnly`; returns each output anchor's metadata and rows and the
 * tool's messages. Each call uses a fresh temporary data folder.
 */
export async function runTool(options: RunToolOptions): Promise<RunToolResult> {
  engine ??= loadEngine();
  return (await engine)({ ...options, plugin: path.resolve(options.plugin) });
}
