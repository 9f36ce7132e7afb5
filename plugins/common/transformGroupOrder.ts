/**
 * Rows of held packets arranged group after group, for the tools whose groups must be whole before
 * they compute (Multi-Row Formula with group-by, Tile): groups ordered by their key values
 * (ascending, nulls first, as Summarize orders its groups), rows in input order within a group.
 */
import type { Table } from 'apache-arrow';
import type { RecordValue } from '../../shared/sdk/index.js';
import { sortedIndices } from './transformCompare.js';
import { GroupIndex } from './transformGroupKeys.js';

export interface GroupOrder {
  /** the input row (numbered across the tables) at each output position */
  rowAt: Int32Array;
  /** group g holds positions [starts[g], starts[g + 1]) */
  starts: Int32Array;
}

export function groupOrder(tables: readonly Table[], keyNames: readonly string[]): GroupOrder {
  const total = tables.reduce((sum, t) => sum + t.numRows, 0);
  const index = new GroupIndex(keyNames.length);
  const ids = new Int32Array(total);
  let at = 0;
  for (const table of tables) {
    ids.set(index.addTable(table, keyNames), at);
    at += table.numRows;
  }
  const groups = total === 0 ? 0 : index.size;
  const keyColumns: RecordValue[][] = keyNames.map((_, k) => Array.from({ length: groups }, (_, g) => index.keyValue(g, k)));
  const order = sortedIndices(groups, keyColumns.map((values) => ({ values, descending: false, nullsFirst: true })));
  const rank = new Int32Array(groups);
  order.forEach((g, r) => { rank[g] = r; });
  const starts = new Int32Array(groups + 1);
  for (let i = 0; i < total; i++) starts[rank[ids[i]] + 1]++;
  for (let r = 0; r < groups; r++) starts[r + 1] += starts[r];
  const next = starts.slice(0, groups);
  const rowAt = new Int32Array(total);
  for (let i = 0; i < total; i++) rowAt[next[rank[ids[i]]]++] = i;
  return { rowAt, starts };
}
