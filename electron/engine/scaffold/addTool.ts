/** `weft plugins add-tool DIR --tool-type T [--id ID]`: adds a tool from a template to a package. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE, PACKAGE_NAME_PATTERN, type PluginManifest } from '../../../shared/manifest.js';
import { checkToolType } from './scaffoldPlugin.js';
import { toolFiles, toolManifest, writeFiles } from './toolFiles.js';
import { TOOL_TEMPLATES } from './toolTemplates.js';

export interface AddToolResult {
  toolId: string;
  files: string[];
}

export async function addTool(dir: string, toolType: string, id?: string): Promise<AddToolResult> {
  checkToolType(toolType);
  const manifestFile = path.join(path.resolve(dir), MANIFEST_FILE);
  const text = await fs.readFile(manifestFile, 'utf8').catch(() => {
    throw new Error(`${manifestFile}: not found; add-tool works on a plugin package folder (make one with weft plugins new)`);
  });
  let manifest: PluginManifest;
  try {
    manifest = JSON.parse(text) as PluginManifest;
  } catch (error) {
    throw new Error(`${manifestFile}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(manifest.tools)) throw new Error(`${manifestFile}: "tools" must be a list`);
  const toolId = id ?? TOOL_TEMPLATES[toolType].id;
  if (!PACKAGE_NAME_PATTERN.test(toolId)) throw new Error(`tool id "${toolId}" must match ${PACKAGE_NAME_PATTERN.source}`);
  if (manifest.tools.some((t) => t.id === toolId)) {
    throw new Error(`${manifestFile}: the package already has a tool "${toolId}"; give the new one another id with --id`);
  }
  const files = toolFiles(toolType, `${manifest.name}/${toolId}`, toolId);
  for (const relative of Object.keys(files)) {
    if (await fs.stat(path.join(path.dirname(manifestFile), relative)).then(() => true, () => false)) {
      throw new Error(`${path.join(path.dirname(manifestFile), relative)}: already exists; give the new tool another id with --id`);
    }
  }
  manifest.tools.push(toolManifest(toolType, toolId));
  await writeFiles(path.dirname(manifestFile), files);
  await fs.writeFile(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  return { toolId: `${manifest.name}/${toolId}`, files: [MANIFEST_FILE, ...Object.keys(files)] };
}
