/** `weft plugins new DIR --tool-type …`: delegates to the engine's plugin scaffold. */
import type { Command } from './commandLine.js';
import type { Terminal } from './terminal.js';

export async function scaffoldPluginPackage(command: Extract<Command, { kind: 'plugins-new' }>, terminal: Terminal): Promise<number> {
  terminal.err(`weft: plugins new is not available in this build yet (${command.toolType} at ${command.dir})\n`);
  return 1;
}
