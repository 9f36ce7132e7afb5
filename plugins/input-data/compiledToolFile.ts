import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A compiled file of this tool (a worker entry), from a module's import.meta.url. Found from the
 * tool's folder, not beside the module: in dist/ the module is bundled into the tool's entry
 * (scripts/buildNode.mjs); under vitest it runs from its .ts source and the file is in dist/.
 */
export function compiledToolFile(moduleUrl: string, relative: string): string {
  const here = fileURLToPath(moduleUrl);
  const toolDir = here.slice(0, here.lastIndexOf('input-data') + 'input-data'.length);
  const compiled = here.endsWith('.ts') ? toolDir.replace(/([\\/])plugins([\\/])input-data$/, '$1dist$1plugins$2input-data') : toolDir;
  return path.join(compiled, ...relative.split('/'));
}
