/**
 * The failure state of the tool this worker is running right now, so that an error thrown outside
 * any lifecycle call (an unhandled rejection, a throw in a timer) fails that tool instead of
 * killing the worker.
 */
import type { FailureState } from './toolFailure.js';

let active: FailureState | null = null;

export function setActiveTool(failure: FailureState | null): void {
  active = failure;
}

export function failActiveTool(phase: string, error: unknown): boolean {
  if (!active) return false;
  active.fromError(phase, error);
  return true;
}
