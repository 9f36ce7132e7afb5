/**
 * The rows the Multi-Row Formula tool can see at once: a few record packets (the rows kept from
 * earlier packets, then the newest) read as one sequence, and evaluation columns gathered from
 * them at any rows, a missing row (-1) taking a given value.
 */
import type { Table } from 'apache-arrow';
import type { Field, Metadata } from '../../shared/sdk/index.js';
import type { ColumnBatch } from '../formula-language/batch.js';
import { ColumnBuilder, gather, scalarAt } from '../formula-language/columns.js';
import { packetBatch } from '../formula-language/packetColumns.js';
import { valueTypeOfField, type Column, type Scalar, type ValueType } from '../formula-language/values.js';

export interface WindowSegment {
  table: Table;
  batch: ColumnBatch;
  length: number;
}

export function segmentOf(table: Table, metadata: Metadata): WindowSegment {
  return { table, batch: packetBatch(table, metadata), length: table.numRows };
}

/** the value a row that does not exist reads as under "0 or empty" */
export function emptyValue(type: ValueType): Scalar {
  switch (type) {
    case 'int': case 'double': return 0;
    case 'string': return '';
    case 'bool': return false;
    default: return null;
  }
}

export class RowWindow {
  readonly length: number;
  private readonly starts: number[] = [];

  constructor(readonly segments: readonly WindowSegment[]) {
    let total = 0;
    for (const s of segments) { this.starts.push(total); total += s.length; }
    this.length = total;
  }

  /** the segment holding window row `row` */
  segmentAt(row: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  start(segment: number): number {
    return this.starts[segment];
  }

  /** `field` at window rows `rows`; a row of -1 reads as `missing` */
  column(field: Field, rows: Int32Array, missing: Scalar): Column {
    const n = rows.length;
    if (this.segments.length === 1 && missing === null) {
      let anyMissing = false;
      for (let k = 0; k < n && !anyMissing; k++) anyMissing = rows[k] < 0;
      if (!anyMissing) return gather(this.segments[0].batch.field(field.name), rows);
    }
    const builder = new ColumnBuilder(valueTypeOfField(field.type), n);
    const columns = this.segments.map((s) => s.batch.field(field.name));
    let segment = 0;
    for (let k = 0; k < n; k++) {
      const row = rows[k];
      if (row < 0) { builder.set(k, missing); continue; }
      if (row < this.starts[segment] || row >= this.starts[segment] + this.segments[segment].length) segment = this.segmentAt(row);
      builder.set(k, scalarAt(columns[segment], row - this.starts[segment]));
    }
    return builder.finish();
  }
}
