/**
 * The k-way merge of sorted runs: a binary heap of run cursors ordered by their current row's keys,
 * ties broken by run number (runs hold the input in order), so the merged order is stable.
 */
import type { RecordValue } from '../../shared/sdk/index.js';
import { compareValues } from '../common/transformCompare.js';
import type { ResolvedKey } from './sortConfig.js';
import type { RunCursor } from './sortedRun.js';

interface Entry { cursor: RunCursor; run: number }

function compareRows(a: Entry, b: Entry, keys: readonly ResolvedKey[]): number {
  for (const key of keys) {
    const x = a.cursor.columns[key.field][a.cursor.row] as RecordValue;
    const y = b.cursor.columns[key.field][b.cursor.row] as RecordValue;
    if (x === null || y === null) {
      if (x === y) continue;
      return (x === null) === key.nullsFirst ? -1 : 1;
    }
    const c = compareValues(x, y);
    if (c !== 0) return key.descending ? -c : c;
  }
  return a.run - b.run;
}

/** calls `emit(cursor)` for each row of the runs in merged order */
export async function mergeRuns(runs: RunCursor[], keys: readonly ResolvedKey[], emit: (cursor: RunCursor) => void | Promise<void>): Promise<void> {
  const heap: Entry[] = runs.map((cursor, run) => ({ cursor, run }));
  const less = (i: number, j: number): boolean => compareRows(heap[i], heap[j], keys) < 0;
  const down = (start: number): void => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
  while (heap.length > 0) {
    const top = heap[0];
    const pending = emit(top.cursor);
    if (pending) await pending;
    if (!top.cursor.advance()) {
      top.cursor.close();
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    down(0);
  }
}
