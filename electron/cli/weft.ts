/**
 * The `weft` command: the headless engine, the same code the app's main process runs.
 * `bin/weft.mjs` calls `main(argv)` and sets the exit code: 0 ok, 1 a tool failed / refused,
 * 2 the file or the command line is invalid (docs/workflow-format.md and docs/cli.md).
 */
import { HELP_TEXT, parseCommandLine, UsageError } from './commandLine.js';
import { EXIT_FAILED, EXIT_OK, reportInvalid } from './exitCodes.js';
import { processTerminal, type Terminal } from './terminal.js';
import { prestartToolHosts } from './toolHostPrestart.js';

// each command loads its own modules when it runs: a scripted `weft run` pays for the engine only,
// not for the Alteryx importer or the plugin installer (docs/performance.md, "Cold start")

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
      case 'version': {
        const { weftPackageVersion } = await import('../engine/service/engineHost.js');
        terminal.out(`${weftPackageVersion()}\n`);
        return EXIT_OK;
      }
      case 'run': {
        // a full run's tool hosts start now, while the engine, the plugins and the workflow load
        const pool = command.mode === 'full' ? prestartToolHosts(command.file, command.engine) : undefined;
        const { runCommand } = await import('./runCommand.js');
        return await runCommand(command, terminal, pool);
      }
      case 'import':
        return await (await import('./importCommand.js')).importCommand(command, terminal);
      case 'connections-add': case 'connections-list': case 'connections-remove':
        return await (await import('./connectionsCommand.js')).connectionsCommand(command, terminal);
      case 'dev':
        return await (await import('./devCommand.js')).devCommand(command, terminal);
      default:
        return await (await import('./pluginsCommand.js')).pluginsCommand(command, terminal);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    terminal.err(`weft: ${message}\n`);
    if (verbose && error instanceof Error && error.stack) terminal.err(`${error.stack}\n`);
    else terminal.err('weft: (run again with --verbose for the stack trace)\n');
    return EXIT_FAILED;
  }
}
