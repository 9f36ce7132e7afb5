/** `weft run FILE` and `weft update FILE` (docs/workflow-format.md and docs/cli.md). */
import path from 'node:path';
import { formatPlacedError } from '../../shared/placedError.js';
import type { RunSummary } from '../../shared/runEvents.js';
import { resolveDataFolder } from '../engine/dataFolder.js';
import { runHistoryEntry } from '../engine/stores/resultsStore.js';
import { createEngineHost, EngineStartError, type EngineHost } from '../engine/service/index.js';
import type { WorkerPool } from '../engine/runtime/workerPool.js';
import { loadWorkflowFile } from '../engine/workflowFiles/workflowFileStore.js';
import type { Command } from './commandLine.js';
import { ProgressLines, summaryText } from './humanOutput.js';
import { summaryJson } from './summaryJson.js';
import { EXIT_FAILED, EXIT_OK, reportInvalid } from './exitCodes.js';
import type { Terminal } from './terminal.js';


/** what the registry met at start (a loaded folder winning over an installed package, a broken install) */
export function printNotices(host: EngineHost, terminal: Terminal): void {
  for (const notice of host.registry.notices()) terminal.err(`weft: ${notice.level}: ${notice.message}\n`);
}

/** `workerPool`: tool hosts already starting (toolHostPrestart.ts); the engine host disposes it */
export async function runCommand(command: Extract<Command, { kind: 'run' }>, terminal: Terminal, workerPool?: WorkerPool): Promise<number> {
  let host: EngineHost;
  try {
    host = await createEngineHost({ dataDir: resolveDataFolder(), loadedPluginDirs: command.pluginDirs, ...(workerPool && { workerPool }) });
  } catch (error) {
    await workerPool?.dispose();
    if (error instanceof EngineStartError) return reportInvalid(terminal, command.json, error.errors.map((e) => `--plugins ${formatPlacedError(e)}`));
    throw error;
  }
  try {
    printNotices(host, terminal);
    const loaded = await loadWorkflowFile(command.file, (fullId) => host.registry.resolve(fullId)?.descriptor);
    if (!loaded.ok) return reportInvalid(terminal, command.json, loaded.errors.map(formatPlacedError));

    const progress = command.json ? null : new ProgressLines(terminal, loaded.workflow.tools);
    const startedAt = new Date().toISOString();
    let summary: RunSummary;
    // The runner's warm workers are unref'd so they never hold a process open; while a run is
    // awaited, this keeps the command's event loop alive until the summary arrives.
    const keepAlive = setInterval(() => {}, 60_000);
    // Ctrl-C cancels the run (workers are stopped) and the command still prints its summary
    const cancel = new AbortController();
    const onInterrupt = () => {
      terminal.err('weft: interrupted, stopping the run…\n');
      cancel.abort();
    };
    process.once('SIGINT', onInterrupt);
    try {
      summary = await host.runner.run(loaded.workflow, {
        mode: command.mode,
        workflowDir: path.dirname(loaded.path),
        ...(command.timeoutMs !== null && { timeoutMs: command.timeoutMs }),
        ...(command.idleTimeoutMs !== null && { idleTimeoutMs: command.idleTimeoutMs }),
        signal: cancel.signal,
        // --incremental reuses the anchor cache and keeps this run's outputs in it; without it the command keeps none
        ...(command.incremental && { cache: 'reuse' as const, workflowKey: loaded.path }),
        ...(command.engine !== null && { engine: command.engine }),
        ...(progress && { onEvent: progress.onEvent }),
      });
    } finally {
      clearInterval(keepAlive);
      process.off('SIGINT', onInterrupt);
      progress?.finish();
    }
    if (command.mode === 'full') {
      await host.stores.results.recordRun(runHistoryEntry(summary, startedAt, loaded.path)).catch((error: unknown) => terminal.err(`weft: could not record the run in the run history: ${(error as Error).message}\n`));
    }
    if (command.json) terminal.out(`${JSON.stringify(summaryJson(summary), null, 2)}\n`);
    else terminal.out(summaryText(terminal, summary, loaded.workflow.tools));
    return summary.status === 'ok' ? EXIT_OK : EXIT_FAILED;
  } finally {
    await host.dispose();
  }
}
