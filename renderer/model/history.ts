/**
 * Undo/redo of snapshots. Snapshots are immutable values, so keeping them by reference is cheap.
 * Edits that share a coalesce key within `coalesceMs` (typing in one config field) merge into
 * one undo step.
 */
export interface History<T> {
  past: T[];
  future: T[];
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/** Records `before` as the state to return to; a same-key edit soon after merges into the last step. */
export function recordEdit<T>(history: History<T>, before: T, coalesceKey: string | null, now: number): History<T> {
  if (coalesceKey !== null && coalesceKey === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { ...history, future: [], lastAt: now };
  }
  const past = [...history.past, before];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, future: [], lastKey: coalesceKey, lastAt: now };
}

export function undo<T>(history: History<T>, present: T): { history: History<T>; present: T } | null {
  if (history.past.length === 0) return null;
  const past = history.past.slice(0, -1);
  const previous = history.past[history.past.length - 1]!;
  return { history: { past, future: [present, ...history.future], lastKey: null, lastAt: 0 }, present: previous };
}

export function redo<T>(history: History<T>, present: T): { history: History<T>; present: T } | null {
  if (history.future.length === 0) return null;
  const [next, ...future] = history.future;
  return { history: { past: [...history.past, present], future, lastKey: null, lastAt: 0 }, present: next! };
}
