/**
 * Unique's core: splits each packet's rows into first occurrences and duplicates of their key,
 * remembering keys across packets. Group ids from GroupIndex are dense in order of first
 * appearance, so a row is a first occurrence exactly when its id is the next unseen one.
 */
import type { Table } from 'apache-arrow';
import type { ColumnValues } from '../common/transformColumns.js';
import { GroupIndex } from '../common/transformGroupKeys.js';

export class UniqueSplitter {
  private readonly index: GroupIndex;
  private seen = 0;

  constructor(private readonly keyNames: readonly string[]) {
    this.index = new GroupIndex(keyNames.length);
  }

  /** row indices of first occurrences and of duplicates, each in input order */
  split(table: Table): { unique: Int32Array; duplicates: Int32Array } {
    return this.splitIds(this.index.addTable(table, this.keyNames));
  }

  splitColumns(columns: readonly ColumnValues[]): { unique: Int32Array; duplicates: Int32Array } {
    return this.splitIds(this.index.addColumns(columns));
  }

  private splitIds(ids: Int32Array): { unique: Int32Array; duplicates: Int32Array } {
    const unique = new Int32Array(ids.length);
    const duplicates = new Int32Array(ids.length);
    let u = 0;
    let d = 0;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === this.seen) { this.seen++; unique[u++] = i; } else duplicates[d++] = i;
    }
    return { unique: unique.subarray(0, u), duplicates: duplicates.subarray(0, d) };
  }
}
