/** One tool of a scaffolded package: its manifest entry, source and test, from a tool-type template. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ToolManifest } from '../../../shared/manifest.js';
import { testScript } from './scaffoldFiles.js';
import { TOOL_TEMPLATES, type ScaffoldToolType } from './toolTemplates.js';

export function toolManifest(toolType: ScaffoldToolType, id: string = TOOL_TEMPLATES[toolType].id): ToolManifest {
  const template = TOOL_TEMPLATES[toolType];
  return {
    id,
    name: id === template.id ? template.name : id,
    category: 'Custom',
    description: template.description,
    entry: `dist/${id}.js`,
    inputs: template.inputs.map((name) => ({ name })),
    outputs: template.outputs.map((name) => ({ name })),
    configSchema: template.configSchema,
    defaultConfig: template.defaultConfig,
  };
}

/** src/ID.ts and test/ID.test.mjs */
export function toolFiles(toolType: ScaffoldToolType, fullId: string, id: string): Record<string, string> {
  const template = TOOL_TEMPLATES[toolType];
  return {
    [`src/${id}.ts`]: template.source.replace('__CONFIG__', `./${id}.config.js`),
    [`test/${id}.test.mjs`]: testScript(template, fullId),
  };
}

export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [relative, text] of Object.entries(files)) {
    const full = path.join(dir, relative);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, text);
  }
}
