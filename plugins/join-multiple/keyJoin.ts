/**
 * Join Multiple by key fields. Every input's rows are grouped by key (one GroupIndex for all inputs,
 * so an int32 key meets an equal int64 or double one); each key gives every combination of its rows
 * across the inputs (#1 outermost, each input in its order). Keys come out in ascending order. In
 * full outer mode an input without the key contributes one row of nulls, and rows with a null key
 * (which match nothing, as in SQL) follow alone, input by input; with `allInputs` a key missing
 * from any input gives nothing.
 */
import type { RecordValue } from '../../shared/sdk/index.js';
import { readColumn } from '../common/transformColumns.js';
import { sortedIndices } from '../common/transformCompare.js';
import { GroupIndex } from '../common/transformGroupKeys.js';
import type { HeldRows } from '../common/transformHeldRows.js';
import { PACKET_ROWS } from '../common/transformOutput.js';

/** receives combinations: per input, the global row of each output row (-1: none) */
export type CombinationWriter = (rows: Int32Array[], length: number) => Promise<void>;

export interface KeyGroups {
  /** per input, per group id, its rows */
  rows: number[][][];
  /** per input, the rows with a null key */
  nullKeyRows: number[][];
  /** group ids in key order */
  order: Uint32Array;
  keyText: (group: number) => string;
}

export function groupByKeys(held: readonly HeldRows[], keys: readonly string[][]): KeyGroups {
  const index = new GroupIndex(keys[0].length);
  const rows: number[][][] = held.map(() => []);
  const nullKeyRows: number[][] = held.map(() => []);
  held.forEach((input, k) => {
    let base = 0;
    for (const table of input.tables) {
      const ids = index.addTable(table, keys[k]);
      const keyColumns = keys[k].map((name) => readColumn(table, name));
      for (let i = 0; i < ids.length; i++) {
        if (keyColumns.some((c) => c[i] === null)) { nullKeyRows[k].push(base + i); continue; }
        (rows[k][ids[i]] ??= []).push(base + i);
      }
      base += table.numRows;
    }
  });
  const count = index.size;
  const keyValues = keys[0].map((_, j) => Array.from({ length: count }, (_, g) => index.keyValue(g, j)));
  const order = sortedIndices(count, keyValues.map((values) => ({ values, descending: false, nullsFirst: false })));
  const keyText = (g: number): string => keyValues.map((values) => String(values[g] as RecordValue)).join(', ');
  return { rows, nullKeyRows, order, keyText };
}

/** the keys whose combinations exceed `limit`: how many, and the first */
export function wideKeys(groups: KeyGroups, allInputs: boolean, limit: number): { count: number; first: string | null } {
  let count = 0;
  let first: string | null = null;
  for (const g of groups.order) {
    const sizes = groups.rows.map((r) => r[g]?.length ?? 0);
    if (sizes.every((s) => s === 0) || (allInputs && sizes.some((s) => s === 0))) continue;
    if (sizes.reduce((p, s) => p * Math.max(1, s), 1) <= limit) continue;
    count++;
    first ??= groups.keyText(g);
  }
  return { count, first };
}

class CombinationBuffer {
  private readonly rows: Int32Array[];
  private length = 0;
  constructor(inputs: number, private readonly write: CombinationWriter) {
    this.rows = Array.from({ length: inputs }, () => new Int32Array(PACKET_ROWS));
  }
  async push(row: ArrayLike<number>): Promise<void> {
    for (let k = 0; k < this.rows.length; k++) this.rows[k][this.length] = row[k];
    if (++this.length === PACKET_ROWS) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.length === 0) return;
    const n = this.length;
    this.length = 0;
    await this.write(this.rows.map((r) => r.slice(0, n)), n);
  }
}

export async function writeCombinations(groups: KeyGroups, allInputs: boolean, write: CombinationWriter): Promise<void> {
  const inputs = groups.rows.length;
  const buffer = new CombinationBuffer(inputs, write);
  const row = new Int32Array(inputs);
  for (const g of groups.order) {
    const lists = groups.rows.map((r) => r[g] ?? []);
    if (lists.every((l) => l.length === 0) || (allInputs && lists.some((l) => l.length === 0))) continue;
    const at = new Array<number>(inputs).fill(0);
    for (;;) {
      for (let k = 0; k < inputs; k++) row[k] = lists[k].length === 0 ? -1 : lists[k][at[k]];
      await buffer.push(row);
      let k = inputs - 1;
      while (k >= 0 && ++at[k] >= Math.max(1, lists[k].length)) at[k--] = 0;
      if (k < 0) break;
    }
  }
  if (!allInputs) {
    for (let k = 0; k < inputs; k++) {
      for (const r of groups.nullKeyRows[k]) {
        row.fill(-1);
        row[k] = r;
        await buffer.push(row);
      }
    }
  }
  await buffer.flush();
}
