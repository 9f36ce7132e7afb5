/**
 * Join Multiple by record position: row i of every input makes output row i. It streams: rows go
 * out as soon as every input has them, so only the rows one input is ahead of the slowest are
 * held. At the end, the longer inputs' remaining rows go out with nulls for the shorter ones
 * (full outer), or are dropped (`allInputs`).
 */
import type { Table } from 'apache-arrow';
import { readColumn, type ColumnValues } from '../common/transformColumns.js';

/** per input, its columns for the rows of one output slice (null: the input has no such rows) */
export type PositionWriter = (slices: (Record<string, ColumnValues> | null)[], length: number) => Promise<void>;

interface Queue {
  tables: Table[];
  offset: number;
  /** the head table's columns, read once however many slices it is cut into */
  head: Map<string, ColumnValues>;
}

export class PositionJoin {
  private readonly queues: Queue[];

  constructor(inputs: number, private readonly fields: string[][], private readonly write: PositionWriter) {
    this.queues = Array.from({ length: inputs }, () => ({ tables: [], offset: 0, head: new Map() }));
  }

  async add(input: number, table: Table): Promise<void> {
    if (table.numRows === 0) return;
    this.queues[input].tables.push(table);
    while (this.queues.every((q) => q.tables.length > 0)) await this.emit(this.queues.map((_, k) => k));
  }

  async finish(allInputs: boolean): Promise<void> {
    if (allInputs) return;
    for (;;) {
      const live = this.queues.flatMap((q, k) => (q.tables.length > 0 ? [k] : []));
      if (live.length === 0) return;
      await this.emit(live);
    }
  }

  /** takes as many rows as the shortest head table of the `live` inputs holds, from each of them */
  private async emit(live: number[]): Promise<void> {
    const n = Math.min(...live.map((k) => this.queues[k].tables[0].numRows - this.queues[k].offset));
    const slices = this.queues.map((q, k) => {
      if (!live.includes(k)) return null;
      const table = q.tables[0];
      const start = q.offset;
      const columns: Record<string, ColumnValues> = {};
      for (const name of this.fields[k]) {
        let values = q.head.get(name);
        if (!values) q.head.set(name, (values = readColumn(table, name)));
        columns[name] = values.slice(start, start + n) as ColumnValues;
      }
      q.offset += n;
      if (q.offset === table.numRows) { q.tables.shift(); q.offset = 0; q.head = new Map(); }
      return columns;
    });
    await this.write(slices, n);
  }
}
