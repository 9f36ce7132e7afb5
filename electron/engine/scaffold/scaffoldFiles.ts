/** Text of the generated build script, test, test workflow, test source package and README. */
import type { ScaffoldToolType, ToolTemplate } from './toolTemplates.js';

/** how the generated scripts find the Weft checkout: $WEFT_ROOT, else the git-ignored `.weft-root` */
const FIND_WEFT_ROOT = `function weftRoot() {
  if (process.env.WEFT_ROOT) return process.env.WEFT_ROOT;
  const local = path.join(here, '.weft-root');
  if (fs.existsSync(local)) return fs.readFileSync(local, 'utf8').trim();
  throw new Error('set WEFT_ROOT to the folder of your Weft checkout (the one holding bin/weft.mjs)');
}`;

export function buildScript(): string {
  return `// Compiles every tool entry of weft-plugin.json (dist/NAME.js from src/NAME.ts) with the esbuild of
// the Weft checkout ($WEFT_ROOT, else the path in .weft-root). Types are only checked by your editor / tsc.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
${FIND_WEFT_ROOT}
const manifest = JSON.parse(fs.readFileSync(path.join(here, 'weft-plugin.json'), 'utf8'));
const entryPoints = [...new Set(manifest.tools.map((tool) => tool.entry))].map((entry) => {
  const source = path.join(here, 'src', path.basename(entry).replace(/\\.m?js$/, '.ts'));
  if (!fs.existsSync(source)) throw new Error(\`weft-plugin.json: the entry \${entry} has no source \${path.relative(here, source)}\`);
  return source;
});
const { build } = createRequire(path.join(weftRoot(), 'package.json'))('esbuild');
await build({
  entryPoints,
  outdir: path.join(here, 'dist'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
});
`;
}

export function testScript(template: ToolTemplate): string {
  const toolUnderTest = template.inputs.length === 0 ? 't1' : 't2';
  return `// Runs the tool through the real Weft engine: \`weft run <workflow> --plugins . --json\`.
import { execFile } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
${FIND_WEFT_ROOT}
const weft = path.join(weftRoot(), 'bin', 'weft.mjs');

test('${template.name} runs in a workflow', async () => {
  const weftHome = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-plugin-test-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [weft, 'run', path.join(here, 'test', '${template.id}.weft.json'), '--plugins', here, '--plugins', path.join(here, 'test', 'rows'), '--json'],
      { env: { ...process.env, WEFT_HOME: weftHome } },
    );
    const summary = JSON.parse(stdout);
    assert.equal(summary.status, 'ok', JSON.stringify(summary, null, 2));
    const tool = summary.tools['${toolUnderTest}'];
    assert.equal(tool.status, 'ok');
${Object.entries(template.expected)
  .map(([anchor, records]) => `    assert.equal(tool.outputs['${anchor}'].records, ${records});`)
  .join('\n')}${
    template.outputs.length === 0
      ? `
    assert.equal(tool.results.length, 1);
    assert.deepEqual(JSON.parse(fs.readFileSync(tool.results[0], 'utf8')), { records: 3 });`
      : ''
  }
  } finally {
    fs.rmSync(weftHome, { recursive: true, force: true });
  }
});
`;
}

export function testWorkflow(packageName: string, template: ToolTemplate): string {
  const tool = { id: template.inputs.length === 0 ? 't1' : 't2', plugin: `${packageName}/${template.id}`, config: template.defaultConfig, position: { x: 240, y: 0 } };
  const tools = template.inputs.length === 0 ? [tool] : [{ id: 't1', plugin: 'scaffold-test-rows/rows', config: {}, position: { x: 0, y: 0 } }, tool];
  const connections = template.inputs.map((anchor) => ({ from: { tool: 't1', anchor: 'Output' }, to: { tool: 't2', anchor } }));
  return JSON.stringify({ format: 'weft-workflow', version: 1, tools, connections }, null, 2) + '\n';
}

/** a three-row source used only by the test workflow */
export const rowsFixture = {
  manifest:
    JSON.stringify(
      { name: 'scaffold-test-rows', version: '1.0.0', tools: [{ id: 'rows', name: 'Test Rows', entry: 'rows.js', inputs: [], outputs: [{ name: 'Output' }] }] },
      null,
      2,
    ) + '\n',
  source: `export default class Rows {
  constructor(provider) {
    this.provider = provider;
    provider.getOutputAnchor('Output').open({ fields: [{ name: 'name', type: 'v_string', size: 20 }, { name: 'value', type: 'double' }] });
  }
  async onComplete() {
    await this.provider.getOutputAnchor('Output').write([{ name: 'a', value: 1 }, { name: 'b', value: 2 }, { name: 'c', value: 3 }]);
  }
}
`,
};

export function readme(packageName: string, template: ToolTemplate, toolType: ScaffoldToolType): string {
  return `# ${packageName}

A Weft plugin package (tool type \`${toolType}\`) with one tool, **${template.name}**: ${template.description}

- \`weft-plugin.json\` — the manifest (tools, anchors, config schema, defaults).
- \`src/${template.id}.ts\` — the plugin class; \`src/weft-sdk/\` holds the SDK types (types only).
- \`npm run build\` — compiles \`src/\` to \`dist/\` (the manifest's entry).
- \`npm test\` — builds, then runs \`test/${template.id}.weft.json\` through the Weft engine
  (\`weft run … --plugins .\`) and checks the result.

Try it on a canvas without installing: \`weft run <workflow> --plugins .\`, or the app's
"Load plugin folder for development" (edits reload it). Install it for good with
\`weft plugins install .\`.
`;
}
