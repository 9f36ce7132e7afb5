/** `weft plugins new DIR --tool-type …`: writes a plugin package through the engine's scaffold. */
import path from 'node:path';
import { scaffoldPlugin } from '../engine/scaffold/scaffoldPlugin.js';
import type { Command } from './commandLine.js';
import type { Terminal } from './terminal.js';

export async function scaffoldPluginPackage(command: Extract<Command, { kind: 'plugins-new' }>, terminal: Terminal): Promise<number> {
  try {
    const result = await scaffoldPlugin(command.dir, command.toolType);
    terminal.out(`Created the plugin package ${result.packageName} (tool ${result.toolId}) in ${result.dir}:\n`);
    for (const file of result.files) terminal.out(`  ${path.relative(result.dir, path.resolve(result.dir, file)) || file}\n`);
    terminal.out(`\nNext: cd ${result.dir} && npm install && npm test\n`);
    return 0;
  } catch (error) {
    terminal.err(`weft: plugins new refused: ${(error as Error).message}\n`);
    if (command.verbose && (error as Error).stack) terminal.err(`${(error as Error).stack}\n`);
    return 1;
  }
}
