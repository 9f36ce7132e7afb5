/**
 * The example workflows that ship with Weft (`examples/*.weft.json` beside package.json, in the
 * repository and in the packaged app), listed for the start page.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExampleWorkflow } from '../../../shared/weftApi.js';
import { projectRoot } from '../compiledPath.js';

export const examplesDir = path.join(projectRoot, 'examples');

const SUFFIX = '.weft.json';

function nameOf(file: string): string {
  const words = file.slice(0, -SUFFIX.length).replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

async function describe(file: string): Promise<string> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as { tools?: unknown };
    const count = Array.isArray(parsed.tools) ? parsed.tools.length : 0;
    return `${count} tool${count === 1 ? '' : 's'}`;
  } catch {
    return 'cannot be read';
  }
}

/** every `*.weft.json` of the folder, by name; none when the folder is missing */
export async function listExamples(dir: string = examplesDir): Promise<ExampleWorkflow[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const files = names.filter((name) => name.endsWith(SUFFIX)).sort();
  return Promise.all(files.map(async (name) => {
    const file = path.join(dir, name);
    return { name: nameOf(name), path: file, description: await describe(file) };
  }));
}
