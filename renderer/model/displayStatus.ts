/**
 * The one status a tool shows on the canvas (`data-status`), from what the runs reported:
 * `missing-plugin`, `disabled` (in a disabled container: it does not run), `not-configured`, `pending`, `running`,
 * `ok`, `warning`, `error`, `cancelled`.
 */
import type { RunStatus, ToolStatus } from '../../shared/runEvents.js';

export type DisplayStatus = 'missing-plugin' | 'disabled' | 'not-configured' | 'pending' | 'running' | 'ok' | 'warning' | 'error' | 'cancelled';

export interface StatusInputs {
  pluginInstalled: boolean;
  /** its container, or one around it, is disabled */
  disabled?: boolean;
  /** no setup problem: every required input connected, every setting filled (model/setupProblems) */
  configValid: boolean;
  /** status in the latest full run, unless an edit made the tool's results stale since */
  fullRunStatus: ToolStatus | undefined;
  updateStatus: RunStatus | undefined;
  hasWarning: boolean;
}

export function displayStatus(inputs: StatusInputs): DisplayStatus {
  if (!inputs.pluginInstalled) return 'missing-plugin';
  if (inputs.disabled) return 'disabled';
  const okOrWarning: DisplayStatus = inputs.hasWarning ? 'warning' : 'ok';
  switch (inputs.fullRunStatus) {
    case 'running': return 'running';
    case 'ok': return okOrWarning;
    case 'pending': return 'pending';
    case 'cancelled': return 'cancelled';
    // a tool that failed because it was not set up is "not configured", as it was before the run
    case 'error': return inputs.configValid ? 'error' : 'not-configured';
    default: break;
  }
  if (!inputs.configValid) return 'not-configured';
  switch (inputs.updateStatus) {
    case 'error': return 'error';
    case 'ok': return okOrWarning;
    // update-only skips the tools downstream of a failing one: they did not run, nobody cancelled them
    default: return 'pending';
  }
}
