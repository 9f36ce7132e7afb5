/**
 * Join's matching, over both inputs held in memory: a hash table (GroupIndex plus row lists) is
 * built on the smaller side and probed with the larger one. Null keys never match (SQL). Pairs come
 * out in left input order, and for one left row in right input order, whichever side was built.
 */
import type { Table } from 'apache-arrow';
import { GroupIndex, NO_MATCH } from '../common/transformGroupKeys.js';

export interface JoinMatches {
  /** global row numbers (across the side's packets) of each joined pair */
  left: Int32Array;
  right: Int32Array;
  leftUnmatched: Int32Array;
  rightUnmatched: Int32Array;
}

class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

function rowsOf(tables: readonly Table[]): number {
  return tables.reduce((n, t) => n + t.numRows, 0);
}

function unmatched(total: number, matched: Uint8Array): Int32Array {
  const out = new IntList();
  for (let i = 0; i < total; i++) if (!matched[i]) out.push(i);
  return out.toArray();
}

export function matchSides(leftTables: readonly Table[], rightTables: readonly Table[], keys: { left: string[]; right: string[] }): JoinMatches {
  const leftRows = rowsOf(leftTables);
  const rightRows = rowsOf(rightTables);
  const buildLeft = leftRows < rightRows;
  const [buildTables, buildKeys, probeTables, probeKeys] = buildLeft
    ? [leftTables, keys.left, rightTables, keys.right]
    : [rightTables, keys.right, leftTables, keys.left];
  const index = new GroupIndex(buildKeys.length);
  const buildIds = new Int32Array(buildLeft ? leftRows : rightRows);
  let at = 0;
  for (const t of buildTables) { buildIds.set(index.addTable(t, buildKeys), at); at += t.numRows; }
  // rows of each key, in input order (a CSR layout: starts[g]..starts[g+1] in `rows`)
  const starts = new Int32Array(index.size + 1);
  for (let i = 0; i < buildIds.length; i++) starts[buildIds[i] + 1]++;
  for (let g = 0; g < index.size; g++) starts[g + 1] += starts[g];
  const fill = starts.slice(0, index.size);
  const rows = new Int32Array(buildIds.length);
  for (let i = 0; i < buildIds.length; i++) rows[fill[buildIds[i]]++] = i;

  const buildMatched = new Uint8Array(buildIds.length);
  const probeMatched = new Uint8Array(buildLeft ? rightRows : leftRows);
  const pairProbe = new IntList();
  const pairBuild = new IntList();
  let base = 0;
  for (const t of probeTables) {
    const ids = index.lookupTable(t, probeKeys);
    for (let i = 0; i < ids.length; i++) {
      const g = ids[i];
      if (g === NO_MATCH) continue;
      probeMatched[base + i] = 1;
      for (let k = starts[g]; k < starts[g + 1]; k++) {
        pairProbe.push(base + i);
        pairBuild.push(rows[k]);
        buildMatched[rows[k]] = 1;
      }
    }
    base += t.numRows;
  }
  if (!buildLeft) {
    return {
      left: pairProbe.toArray(), right: pairBuild.toArray(),
      leftUnmatched: unmatched(leftRows, probeMatched), rightUnmatched: unmatched(rightRows, buildMatched),
    };
  }
  // built on the left: pairs are in right order; a stable counting sort by left row restores left order
  const l = pairBuild.toArray();
  const r = pairProbe.toArray();
  const counts = new Int32Array(leftRows + 1);
  for (let i = 0; i < l.length; i++) counts[l[i] + 1]++;
  for (let i = 0; i < leftRows; i++) counts[i + 1] += counts[i];
  const outL = new Int32Array(l.length);
  const outR = new Int32Array(l.length);
  for (let i = 0; i < l.length; i++) { const p = counts[l[i]]++; outL[p] = l[i]; outR[p] = r[i]; }
  return { left: outL, right: outR, leftUnmatched: unmatched(leftRows, buildMatched), rightUnmatched: unmatched(rightRows, probeMatched) };
}
