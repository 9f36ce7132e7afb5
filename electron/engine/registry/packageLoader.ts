/**
 * Reads and checks one plugin package folder: the manifest (schema, defaults), each tool's config
 * schema (compiled once), entry and icon paths, and optionally imports the entries in a child
 * process. Every refusal is one line naming the file and the problem.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, type AnchorSpec, type ToolDescriptor, type ToolSource } from '../../../shared/manifest.js';
import { SDK_VERSION } from '../../../shared/sdk/plugin.js';
import { FileReadError, readRegularText } from '../regularFile.js';
import { compileConfigSchema, compileConfigSchemaLazily, type ConfigValidator } from './configSchemas.js';
import { checkEntries } from './entryCheck.js';
import { manifestProblem, sdkRangeProblem, type FilledManifest } from './manifestSchema.js';
import { readIconSvg, resolveInside } from './packagePaths.js';

export class PackageError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'PackageError';
  }
}

export interface LoadedTool {
  descriptor: ToolDescriptor;
  entryPath: string;
  validateConfig: ConfigValidator;
}

export interface LoadedPackage {
  name: string;
  version: string;
  displayName: string;
  source: Exclude<ToolSource, 'virtual'>;
  /** the folder entries are imported from */
  dir: string;
  manifest: FilledManifest;
  tools: Map<string, LoadedTool>;
}

export interface ReadPackageOptions {
  source: LoadedPackage['source'];
  /** import every entry in a child process (install and development folders) */
  checkImports: boolean;
  /**
   * compile each config schema when a config is first checked, and leave defaultConfig unchecked:
   * for the built-in package, loaded by every process and checked in full by its own test
   * (builtinPackage.test.ts)
   */
  lazySchemas?: boolean;
  /**
   * the built-in package as scripts/buildNode.mjs wrote it: its manifest was checked and its
   * defaults filled at build time, and its config schemas against the meta-schema (checked again by
   * builtinPackage.test.ts), so neither is checked at every start (docs/performance.md, "Cold start")
   */
  checkedAtBuild?: boolean;
}

function anchors(list: FilledManifest['tools'][number]['inputs']): AnchorSpec[] {
  return list.map((a) => ({ name: a.name, optional: a.optional ?? false, allowMultiple: a.allowMultiple ?? false }));
}

function duplicate(names: string[]): string | undefined {
  const seen = new Set<string>();
  return names.find((name) => (seen.has(name) ? true : (seen.add(name), false)));
}

/** a manifest larger than this is refused */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export async function readPackage(dir: string, options: ReadPackageOptions): Promise<LoadedPackage> {
  const folder = path.resolve(dir);
  const stat = await fs.stat(folder).catch(() => null);
  if (!stat?.isDirectory()) throw new PackageError(folder, 'is not a folder');
  const realDir = await fs.realpath(folder);
  const manifestFile = path.join(folder, MANIFEST_FILE);

  let text: string;
  try {
    text = await readRegularText(manifestFile, MAX_MANIFEST_BYTES);
  } catch (error) {
    if (error instanceof FileReadError && error.code !== 'not-found') throw new PackageError(manifestFile, error.message);
    throw new PackageError(manifestFile, 'not found (a plugin package needs a weft-plugin.json manifest)');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new PackageError(manifestFile, `invalid JSON: ${(error as Error).message}`);
  }
  const checkedAtBuild = options.checkedAtBuild === true;
  const problem = checkedAtBuild ? null : manifestProblem(parsed);
  if (problem) throw new PackageError(manifestFile, problem);
  const manifest = parsed as FilledManifest;
  manifest.displayName ??= manifest.name;
  const sdkProblem = checkedAtBuild ? null : sdkRangeProblem(manifest.sdk, SDK_VERSION);
  if (sdkProblem) throw new PackageError(manifestFile, sdkProblem);
  const dupTool = duplicate(manifest.tools.map((t) => t.id));
  if (dupTool) throw new PackageError(manifestFile, `tools: the tool id ${JSON.stringify(dupTool)} is used twice`);

  const tools = new Map<string, LoadedTool>();
  for (const [index, tool] of manifest.tools.entries()) {
    const at = `tools[${index}]`;
    for (const side of ['inputs', 'outputs'] as const) {
      const dup = duplicate(tool[side].map((a) => a.name));
      if (dup) throw new PackageError(manifestFile, `${at}.${side}: the anchor name ${JSON.stringify(dup)} is used twice`);
    }
    let validateConfig: ConfigValidator;
    try {
      validateConfig = options.lazySchemas ? compileConfigSchemaLazily(tool.configSchema, checkedAtBuild) : compileConfigSchema(tool.configSchema, checkedAtBuild);
    } catch (error) {
      throw new PackageError(manifestFile, `${at}.configSchema: ${(error as Error).message}`);
    }
    // a key the schema requires may be left for the user to fill in; anything else is the author's slip
    const defaultProblems = options.lazySchemas ? []
      : validateConfig(structuredClone(tool.defaultConfig)).filter((p) => !p.includes(': missing required key '));
    if (defaultProblems.length > 0) {
      const problems = defaultProblems.map((p) => p.replace(/^config/, 'defaultConfig')).join('; ');
      throw new PackageError(manifestFile, `${at}.defaultConfig of tool "${manifest.name}/${tool.id}" does not match its configSchema: ${problems}`);
    }
    if (!/\.(m?js)$/.test(tool.entry)) throw new PackageError(manifestFile, `${at}.entry: ${JSON.stringify(tool.entry)} must be a .js or .mjs ES module`);
    let entryPath: string;
    let iconSvg: string | null = null;
    try {
      entryPath = await resolveInside(realDir, tool.entry, `${at}.entry:`);
      if (tool.icon) iconSvg = await readIconSvg(await resolveInside(realDir, tool.icon, `${at}.icon:`), tool.icon, `${at}.icon:`);
    } catch (error) {
      throw new PackageError(manifestFile, (error as Error).message);
    }
    tools.set(tool.id, {
      entryPath: path.join(folder, path.relative(realDir, entryPath)),
      validateConfig,
      descriptor: {
        id: `${manifest.name}/${tool.id}`,
        name: tool.name,
        category: tool.category,
        description: tool.description,
        package: manifest.name,
        packageDisplayName: manifest.displayName,
        version: manifest.version,
        source: options.source,
        parent: null,
        inputs: anchors(tool.inputs),
        outputs: anchors(tool.outputs),
        configSchema: tool.configSchema,
        defaultConfig: tool.defaultConfig,
        iconSvg,
        cacheable: tool.cacheable,
      },
    });
  }

  if (options.checkImports) {
    const entries = [...new Set([...tools.values()].map((t) => t.entryPath))];
    const [first] = await checkEntries(entries, folder);
    if (first) throw new PackageError(first.file, first.problem);
  }
  return { name: manifest.name, version: manifest.version, displayName: manifest.displayName, source: options.source, dir: folder, manifest, tools };
}
