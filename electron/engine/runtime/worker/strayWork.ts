/**
 * Work a plugin left running after its last lifecycle call returned (a helper not awaited, a
 * timer). The driver waits a moment for it before finishing the tool, so that an error it throws
 * later (an unhandled rejection) fails this tool instead of being lost after an "ok".
 */
import type { FailureState } from './toolFailure.js';

/** the worker's own handles: message ports, and the close requests of the connection ports it just closed */
const HOST_RESOURCES = new Set(['MessagePort', 'CloseReq']);

/** how long a tool's stray work may take to settle before the tool finishes anyway */
export const STRAY_WORK_GRACE_MS = 250;

/** timers, immediates or I/O the plugin left pending in this worker */
export function hasLingeringWork(): boolean {
  return process.getActiveResourcesInfo().some((kind) => !HOST_RESOURCES.has(kind));
}

/** waits until the plugin's stray work is done (or the grace ran out) or the tool has failed */
export async function waitForStrayWork(failure: FailureState, graceMs = STRAY_WORK_GRACE_MS): Promise<void> {
  const until = Date.now() + graceMs;
  for (;;) {
    // unhandled rejections are reported once the microtasks ran: give them a turn of the event loop
    await new Promise((resolve) => setImmediate(resolve));
    if (failure.failed || !hasLingeringWork() || Date.now() >= until) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export function neverOpenedWarning(anchor: string): string {
  return `output anchor '${anchor}' is connected but was never opened: call open(metadata) on it (in the constructor or onInputConnectionOpened), else the tools after it get no fields and no records`;
}

export function openedLateWarning(anchor: string): string {
  return `output anchor '${anchor}' was opened after onInputConnectionOpened returned: await the work that opens it inside onInputConnectionOpened, else the tools after it may not see its fields while you edit`;
}
