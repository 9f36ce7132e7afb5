/**
 * The `weft` command: the headless engine, the same code the app's main process runs.
 * `bin/weft.mjs` calls `main(argv)` and sets the exit code: 0 ok, 1 a tool failed / refused,
 * 2 the file or the command line is invalid (docs/workflow-format.md and docs/cli.md).
 */
import { HELP_TEXT, parseCommandLine, UsageError } from './commandLine.js';
import { connectionsCommand } from './connectionsCommand.js';
import { importCommand } from './importCommand.js';
import { pluginsCommand } from './pluginsCommand.js';
import { EXIT_FAILED, EXIT_OK, reportInvalid, runCommand } from './runCommand.js';
import { processTerminal, type Terminal } from './terminal.js';
import { weftPackageVersion } from '../engine/service/index.js';

/** a last guard: once main has answered, a stray handle (a worker, a watcher) may not keep the process alive */
const EXIT_GRACE_MS = 3_000;

export async function main(argv: string[], terminal: Terminal = processTerminal()): Promise<number> {
  const code = await dispatch(argv, terminal);
  setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
  return code;
}

async function dispatch(argv: string[], terminal: Terminal): Promise<number> {
  const verbose = argv.includes('--verbose');
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return reportInvalid(terminal, error.json, [error.message]);
    throw error;
  }
  try {
    switch (command.kind) {
      case 'help':
        terminal.out(HELP_TEXT);
        return EXIT_OK;
      case 'version':
        terminal.out(`${weftPackageVersion()}\n`);
        return EXIT_OK;
      case 'run':
        return await runCommand(command, terminal);
      case 'import':
        return await importCommand(command, terminal);
      case 'connections-add': case 'connections-list': case 'connections-remove':
        return await connectionsCommand(command, terminal);
      default:
        return await pluginsCommand(command, terminal);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    terminal.err(`weft: ${message}\n`);
    if (verbose && error instanceof Error && error.stack) terminal.err(`${error.stack}\n`);
    else terminal.err('weft: (run again with --verbose for the stack trace)\n');
    return EXIT_FAILED;
  }
}
