/**
 * `weft plugins new DIR --tool-type …`: writes a working TypeScript plugin package, like the
 * Alteryx plugin CLI's `create-ayx-plugin`. `npm test` in it builds the entry with esbuild (from the
 * Weft checkout) and runs the tool through the real engine with `weft run --plugins .`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, PACKAGE_NAME_PATTERN } from '../../../shared/manifest.js';
import { projectRoot } from '../compiledPath.js';
import { SCAFFOLD_TOOL_TYPES, TOOL_TEMPLATES, type ScaffoldToolType } from './toolTemplates.js';
import { buildScript, readme, rowsFixture, testScript, testWorkflow } from './scaffoldFiles.js';

export interface ScaffoldResult {
  dir: string;
  packageName: string;
  toolId: string;
  files: string[];
}

/** the SDK type files copied into the package so its TypeScript needs nothing from npm */
const SDK_FILES = ['shared/sdk/plugin.ts', 'shared/metadata.ts', 'shared/manifest.ts'];

function packageNameFor(dir: string): string {
  const base = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return PACKAGE_NAME_PATTERN.test(base) ? base : 'my-plugin';
}

export async function scaffoldPlugin(dir: string, toolType: ScaffoldToolType, weftRoot: string = projectRoot): Promise<ScaffoldResult> {
  if (!SCAFFOLD_TOOL_TYPES.includes(toolType)) {
    throw new Error(`unknown tool type ${JSON.stringify(toolType)}: expected one of ${SCAFFOLD_TOOL_TYPES.join(', ')}`);
  }
  const target = path.resolve(dir);
  const existing = await fs.readdir(target).catch(() => null);
  if (existing && existing.length > 0) throw new Error(`${target}: the folder is not empty; choose a new folder for the plugin`);
  const template = TOOL_TEMPLATES[toolType];
  const packageName = packageNameFor(target);
  const manifest = {
    name: packageName,
    version: '0.1.0',
    displayName: packageName,
    sdk: '^1.0.0',
    tools: [
      {
        id: template.id,
        name: template.name,
        category: 'Custom',
        description: template.description,
        entry: `dist/${template.id}.js`,
        inputs: template.inputs.map((name) => ({ name })),
        outputs: template.outputs.map((name) => ({ name })),
        configSchema: template.configSchema,
        defaultConfig: template.defaultConfig,
      },
    ],
  };
  const packageJson = {
    name: packageName,
    version: '0.1.0',
    private: true,
    type: 'module',
    description: `Weft plugin package: ${template.name}`,
    scripts: { build: 'node scripts/build.mjs', test: `node scripts/build.mjs && node --test test/${template.id}.test.mjs` },
  };
  const files: Record<string, string> = {
    [MANIFEST_FILE]: JSON.stringify(manifest, null, 2) + '\n',
    'package.json': JSON.stringify(packageJson, null, 2) + '\n',
    [`src/${template.id}.ts`]: template.source,
    'scripts/build.mjs': buildScript(),
    // this machine's Weft checkout, kept out of the shared package (.gitignore); others set WEFT_ROOT
    '.weft-root': weftRoot + '\n',
    [`test/${template.id}.test.mjs`]: testScript(template),
    [`test/${template.id}.weft.json`]: testWorkflow(packageName, template),
    'test/rows/weft-plugin.json': rowsFixture.manifest,
    'test/rows/rows.js': rowsFixture.source,
    'README.md': readme(packageName, template, toolType),
    '.gitignore': 'node_modules/\ndist/\n.weft-root\n',
  };
  for (const file of SDK_FILES) {
    files[path.join('src', 'weft-sdk', path.relative('shared', file))] = await fs.readFile(path.join(weftRoot, file), 'utf8');
  }
  for (const [relative, text] of Object.entries(files)) {
    const full = path.join(target, relative);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, text);
  }
  return { dir: target, packageName, toolId: `${packageName}/${template.id}`, files: Object.keys(files).sort() };
}
