/**
 * `weft plugins new DIR --tool-type …`: writes a working TypeScript plugin package, like the
 * Alteryx plugin CLI's `create-ayx-plugin`: `@weft/sdk` as a dev dependency (packed into vendor/),
 * a tsconfig and typecheck, a build of every tool entry, watch (`weft dev`), and tests that run
 * each tool through the real engine with `runTool`. `weft plugins add-tool` adds more tools.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, PACKAGE_NAME_PATTERN } from '../../../shared/manifest.js';
import { projectRoot } from '../compiledPath.js';
import { SCAFFOLD_TOOL_TYPES, TOOL_TEMPLATES, type ScaffoldToolType } from './toolTemplates.js';
import { TSCONFIG, buildScript, devScript, readme, typecheckScript, weftScript } from './scaffoldFiles.js';
import { SDK_TARBALL, sdkTarball } from './sdkTarball.js';
import { toolFiles, toolManifest, writeFiles } from './toolFiles.js';

export interface ScaffoldResult {
  dir: string;
  packageName: string;
  toolId: string;
  files: string[];
}

function packageNameFor(dir: string): string {
  const base = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return PACKAGE_NAME_PATTERN.test(base) ? base : 'my-plugin';
}

export function checkToolType(toolType: string): asserts toolType is ScaffoldToolType {
  if (!(SCAFFOLD_TOOL_TYPES as readonly string[]).includes(toolType)) {
    throw new Error(`unknown tool type ${JSON.stringify(toolType)}: expected one of ${SCAFFOLD_TOOL_TYPES.join(', ')}`);
  }
}

export async function scaffoldPlugin(dir: string, toolType: ScaffoldToolType, weftRoot: string = projectRoot): Promise<ScaffoldResult> {
  checkToolType(toolType);
  const target = path.resolve(dir);
  const existing = await fs.readdir(target).catch(() => null);
  if (existing && existing.length > 0) throw new Error(`${target}: the folder is not empty; choose a new folder for the plugin`);
  const packageName = packageNameFor(target);
  const tool = toolManifest(toolType);
  const manifest = { name: packageName, version: '0.1.0', displayName: packageName, sdk: '^1.0.0', tools: [tool] };
  const packageJson = {
    name: packageName,
    version: '0.1.0',
    private: true,
    type: 'module',
    description: `Weft plugin package: ${tool.name}`,
    scripts: {
      build: 'node scripts/build.mjs',
      typecheck: 'node scripts/typecheck.mjs',
      watch: 'node scripts/dev.mjs',
      test: 'node scripts/build.mjs && node --test',
    },
    devDependencies: { '@weft/sdk': `file:vendor/${SDK_TARBALL}` },
  };
  const files: Record<string, string> = {
    [MANIFEST_FILE]: JSON.stringify(manifest, null, 2) + '\n',
    'package.json': JSON.stringify(packageJson, null, 2) + '\n',
    'tsconfig.json': JSON.stringify(TSCONFIG, null, 2) + '\n',
    'scripts/weft.mjs': weftScript(),
    'scripts/build.mjs': buildScript(),
    'scripts/typecheck.mjs': typecheckScript(),
    'scripts/dev.mjs': devScript(),
    // this machine's Weft checkout, kept out of the shared package (.gitignore); others set WEFT_ROOT
    '.weft-root': weftRoot + '\n',
    'README.md': readme(packageName, TOOL_TEMPLATES[toolType], toolType),
    '.gitignore': 'node_modules/\ndist/\n.weft-root\n*.weftpkg\nsrc/*.config.ts\n',
    ...toolFiles(toolType, `${packageName}/${tool.id}`, tool.id),
  };
  await writeFiles(target, files);
  const vendor = path.join('vendor', SDK_TARBALL);
  await fs.mkdir(path.join(target, 'vendor'), { recursive: true });
  await fs.copyFile(await sdkTarball(weftRoot), path.join(target, vendor));
  return { dir: target, packageName, toolId: `${packageName}/${tool.id}`, files: [...Object.keys(files), vendor].sort() };
}
