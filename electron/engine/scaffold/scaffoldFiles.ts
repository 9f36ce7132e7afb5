/** Text of the generated scripts, tsconfig, tests and README of a plugin package. */
import type { ScaffoldToolType, ToolTemplate } from './toolTemplates.js';

/** scripts/weft.mjs: finds the Weft on this machine and lends its esbuild, tsc and config-type generator */
export function weftScript(): string {
  return `// The Weft on this machine: $WEFT_ROOT, else the path in the git-ignored .weft-root (written by
// \`weft plugins new\`). Its esbuild and tsc build and check this package; nothing here is needed at run time.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function weftRoot() {
  if (process.env.WEFT_ROOT) return process.env.WEFT_ROOT;
  const local = path.join(here, '.weft-root');
  if (fs.existsSync(local)) return fs.readFileSync(local, 'utf8').trim();
  throw new Error('set WEFT_ROOT to the folder of your Weft checkout (the one holding bin/weft.mjs)');
}

export function weftRequire(id) {
  return createRequire(path.join(weftRoot(), 'package.json'))(id);
}

export function weftResolve(id) {
  return createRequire(path.join(weftRoot(), 'package.json')).resolve(id);
}

export function readManifest() {
  return JSON.parse(fs.readFileSync(path.join(here, 'weft-plugin.json'), 'utf8'));
}

/** src/NAME.ts for the entry dist/NAME.js */
export function sourceOf(entry) {
  return path.join(here, 'src', path.basename(entry).replace(/\\.m?js$/, '.ts'));
}

/** writes src/NAME.config.ts, the \`Config\` type of each tool, from its configSchema and defaultConfig */
export async function writeConfigTypes() {
  const root = weftRoot();
  const buildScript = path.join(root, 'scripts', 'buildNode.mjs');
  if (fs.existsSync(buildScript)) await (await import(pathToFileURL(buildScript).href)).ensureBuilt();
  const generator = path.join(root, 'dist', 'electron', 'engine', 'scaffold', 'configType.js');
  const { configTypeSource } = await import(pathToFileURL(generator).href);
  for (const tool of readManifest().tools) {
    const file = sourceOf(tool.entry).replace(/\\.ts$/, '.config.ts');
    const text = \`// Generated from weft-plugin.json (tool \${tool.id}) by scripts/build.mjs: edit the configSchema, not this file.\\n\${configTypeSource(tool.configSchema ?? { type: 'object' }, tool.defaultConfig ?? {})}\`;
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  }
}
`;
}

export function buildScript(): string {
  return `// Compiles every tool entry of weft-plugin.json (dist/NAME.js from src/NAME.ts, with what it imports
// bundled in, so dist/ runs without node_modules) after writing each tool's Config type.
import fs from 'node:fs';
import path from 'node:path';
import { here, readManifest, sourceOf, weftRequire, writeConfigTypes } from './weft.mjs';

await writeConfigTypes();
const entryPoints = [...new Set(readManifest().tools.map((tool) => tool.entry))].map((entry) => {
  const source = sourceOf(entry);
  if (!fs.existsSync(source)) throw new Error(\`weft-plugin.json: the entry \${entry} has no source \${path.relative(here, source)}\`);
  return source;
});
await weftRequire('esbuild').build({
  entryPoints,
  outdir: path.join(here, 'dist'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'error',
});
`;
}

export function typecheckScript(): string {
  return `// Type-checks src/ with the TypeScript of the Weft checkout, after writing each tool's Config type.
import { execFileSync } from 'node:child_process';
import { here, weftResolve, writeConfigTypes } from './weft.mjs';

await writeConfigTypes();
try {
  execFileSync(process.execPath, [weftResolve('typescript/bin/tsc'), '-p', here], { stdio: 'inherit' });
} catch {
  process.exitCode = 1;
}
`;
}

export function devScript(): string {
  return `// \`weft dev .\`: rebuilds on every edit, reloads the tools and re-runs them (arguments are passed on).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { here, weftRoot } from './weft.mjs';

const child = spawn(process.execPath, [path.join(weftRoot(), 'bin', 'weft.mjs'), 'dev', here, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => (process.exitCode = code ?? 1));
`;
}

export const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2023'], types: [],
    strict: true, noEmit: true, skipLibCheck: true, isolatedModules: true,
  },
  include: ['src'],
};

/** the test of one tool: update-only and a full run through the real engine (`runTool`) */
export function testScript(template: ToolTemplate, toolId: string = template.id): string {
  const inputs = template.inputs.length === 0 ? '' : ` inputs: { ${template.inputs.map((a) => `${a}: ROWS`).join(', ')} },`;
  return `// ${toolId} through the real Weft engine (runTool of @weft/sdk/testing): update-only, then a full run.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runTool } from '@weft/sdk/testing';

const plugin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = [{ name: 'a', value: 1 }, { name: 'b', value: 2 }, { name: 'c', value: 3 }];
const config = ${JSON.stringify(template.defaultConfig)};

test('${toolId}: update-only opens its outputs with their metadata', async () => {
  const update = await runTool({ plugin, tool: '${toolId}', config,${inputs} updateOnly: true });
  assert.equal(update.status, 'ok', JSON.stringify(update.messages));
  ${template.checks.update}
});

test('${toolId}: a full run', async () => {
  const full = await runTool({ plugin, tool: '${toolId}', config,${inputs} });
  assert.equal(full.status, 'ok', JSON.stringify(full.messages));
  ${template.checks.full}
});
`;
}

export function readme(packageName: string, template: ToolTemplate, toolType: ScaffoldToolType): string {
  return `# ${packageName}

A Weft plugin package (tool type \`${toolType}\`) with one tool, **${template.name}**: ${template.description}

- \`weft-plugin.json\` — the manifest (tools, anchors, config schema, defaults).
- \`src/${template.id}.ts\` — the plugin class, typed by \`@weft/sdk\` (a dev dependency: types and the
  test harness; nothing of it is needed at run time). \`src/${template.id}.config.ts\` is its \`Config\`
  type, generated from the configSchema by every build.
- \`npm install\` once (installs \`@weft/sdk\` from \`vendor/\`), then:
- \`npm run build\` — compiles \`src/\` to \`dist/\` (the manifest's entries, self-contained).
- \`npm run typecheck\` — TypeScript over \`src/\`.
- \`npm test\` — builds, then runs each tool through the Weft engine with \`runTool\`, in update-only
  and in a full run (\`test/*.test.mjs\`).
- \`npm run watch\` — \`weft dev .\`: every edit rebuilds, reloads and re-runs the tools.

Add a tool: \`weft plugins add-tool . --tool-type TYPE\`. Share it: \`weft plugins pack .\` makes one
\`.weftpkg\` file that \`weft plugins install FILE\` (or the app's Install) accepts.
The Weft on this machine is found as \`$WEFT_ROOT\`, else the path in the git-ignored \`.weft-root\`.
`;
}
