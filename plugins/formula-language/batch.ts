/** The rows an expression is evaluated over: one packet, or a subset of its rows (inside IF). */
import { gather } from './columns.js';
import type { Column } from './values.js';

export interface Batch {
  readonly length: number;
  /** the column of a field (by its exact name in the metadata) */
  field(name: string): Column;
}

/** A batch over the given columns, read on first use. */
export class ColumnBatch implements Batch {
  private readonly cache = new Map<string, Column>();

  constructor(readonly length: number, private readonly read: (name: string) => Column) {}

  field(name: string): Column {
    let column = this.cache.get(name);
    if (column === undefined) {
      column = this.read(name);
      this.cache.set(name, column);
    }
    return column;
  }

  /** set a field's column, e.g. the result of an earlier formula */
  assign(name: string, column: Column): void {
    this.cache.set(name, column);
  }
}

/** Rows `rows` of `parent`; a field is gathered only when the expression reads it. */
export class SubBatch implements Batch {
  private readonly cache = new Map<string, Column>();

  constructor(private readonly parent: Batch, readonly rows: Int32Array) {}

  get length(): number {
    return this.rows.length;
  }

  field(name: string): Column {
    let column = this.cache.get(name);
    if (column === undefined) {
      column = gather(this.parent.field(name), this.rows);
      this.cache.set(name, column);
    }
    return column;
  }
}
