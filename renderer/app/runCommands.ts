/** Run and Cancel of a full run; progress and results arrive through onRunEvent. */
import { getWeftApi } from '../api/index.js';
import { errorText } from '../model/errorText.js';
import { formatDuration } from '../model/runReport.js';
import { dialogStore } from '../store/dialogStore.js';
import { runStore, type RunState } from '../store/runStore.js';
import { workflowStore } from '../store/workflowStore.js';

/** a full run is requested or in progress (Run is disabled, Cancel enabled) */
export const selectRunInFlight = (state: Pick<RunState, 'activeRunId' | 'runRequested'>): boolean =>
  state.runRequested || state.activeRunId !== null;

/**
 * Run (incremental, the default): tools unchanged since the last run take their outputs from the
 * anchor cache; Run all (`incremental` false) runs every tool (docs/cache.md).
 */
export async function runCurrentWorkflow(incremental = true): Promise<void> {
  if (selectRunInFlight(runStore.getState())) return;
  const { workflow, path } = workflowStore.getState();
  if (workflow.tools.length === 0) {
    dialogStore.getState().showNotice('Add tools to the canvas before running.', 'error');
    return;
  }
  runStore.getState().setRunRequested(true);
  runStore.getState().setHostError(null);
  try {
    const summary = await getWeftApi().runWorkflow(workflow, path, { incremental });
    runStore.getState().setRunReport(summary);
    const failed = Object.values(summary.tools).filter((tool) => tool.status === 'error').length;
    const cached = Object.values(summary.tools).filter((tool) => tool.cached === true).length;
    const reused = cached > 0 ? ` (${cached} unchanged tool${cached === 1 ? '' : 's'} from the cache)` : '';
    const text = summary.status === 'ok' ? `Run finished in ${formatDuration(summary.durationMs)}${reused}`
      : summary.status === 'cancelled' ? 'Run cancelled' : `Run finished with errors in ${failed} tool(s)`;
    dialogStore.getState().showNotice(text, summary.status === 'error' ? 'error' : 'info');
  } catch (error) {
    runStore.getState().setHostError(errorText(error));
    dialogStore.getState().showNotice(errorText(error), 'error');
  } finally {
    runStore.getState().setRunRequested(false);
  }
}

export async function cancelCurrentRun(): Promise<void> {
  try {
    await getWeftApi().cancelRun();
  } catch (error) {
    dialogStore.getState().showNotice(errorText(error), 'error');
  }
}
