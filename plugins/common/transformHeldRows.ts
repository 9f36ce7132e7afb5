/**
 * One input as it arrived (a side of Join, an input of Join Multiple): its packets' Arrow tables,
 * addressed by a global row number.
 * Output values are read straight from the Arrow buffers for just the rows a packet needs, so
 * the held input is never copied into JavaScript arrays as a whole.
 */
import type { Table, Vector } from 'apache-arrow';
import type { RecordValue } from '../../shared/sdk/index.js';
import { columnVector, type ColumnValues } from './transformColumns.js';

export class HeldRows {
  readonly tables: Table[] = [];
  /** first global row of each table, plus the total at the end */
  private starts: number[] = [0];
  private readonly vectors = new Map<string, Vector[]>();

  add(table: Table): void {
    this.tables.push(table);
    this.starts.push(this.starts[this.starts.length - 1] + table.numRows);
  }

  get rowCount(): number {
    return this.starts[this.starts.length - 1];
  }

  private tableOf(row: number): number {
    let lo = 0;
    let hi = this.tables.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= row) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** the values of field `name` at global rows `rows`; a negative row gives null (no row on this side) */
  gather(name: string, rows: ArrayLike<number>): ColumnValues {
    let vectors = this.vectors.get(name);
    if (!vectors) this.vectors.set(name, (vectors = this.tables.map((t) => columnVector(t, name))));
    const out: RecordValue[] = new Array(rows.length);
    let t = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row < 0) { out[i] = null; continue; }
      // rows mostly ascend: try the last table before searching
      if (row < this.starts[t] || row >= this.starts[t + 1]) t = this.tableOf(row);
      const value = vectors[t].get(row - this.starts[t]) as RecordValue | undefined;
      out[i] = value ?? null;
    }
    return out;
  }

  release(): void {
    this.tables.length = 0;
    this.starts = [0];
    this.vectors.clear();
  }
}
