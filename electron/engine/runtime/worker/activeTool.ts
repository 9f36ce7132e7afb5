/**
 * The failure state of the tool this worker is running right now, so that an error thrown outside
 * any lifecycle call (an unhandled rejection, a throw in a timer) fails that tool instead of
 * killing the worker. Such an error has no lifecycle method to point at, so its message carries the
 * plugin's own stack frames.
 */
import { fileURLToPath } from 'node:url';
import { describeThrown, type FailureState } from './toolFailure.js';

/** the engine's own code: its frames say nothing to a plugin author */
const engineDir = fileURLToPath(new URL('../../', import.meta.url));

let active: FailureState | null = null;

export function setActiveTool(failure: FailureState | null): void {
  active = failure;
}

export function failActiveTool(phase: string, error: unknown): boolean {
  if (!active) return false;
  if (!(error instanceof Error)) {
    active.fromError(phase, error);
    return true;
  }
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line) && !line.includes(engineDir) && !line.includes('(node:'));
  const message = [`${phase}: ${error.message || describeThrown(error)}`, ...frames.map((line) => line.trimEnd())].join('\n');
  active.fail({ phase, message, ...(error.stack !== undefined && { stack: error.stack }) });
  return true;
}
