/**
 * The Data Cleansing tool's work on one packet: drops rows whose every field is null, cleanses the
 * chosen fields, and notes which fields have held a value (for "remove null columns").
 */
import type { Table } from 'apache-arrow';
import type { Records, RecordPacket, RecordValue, Metadata } from '../../shared/sdk/index.js';
import { takeTable } from '../common/ioArrowTake.js';
import { assemblePacket } from '../common/transformAssemble.js';
import { columnVector, readColumn } from '../common/transformColumns.js';
import { textCleanser, zeroOf } from './cleanseText.js';
import type { DataCleansingPlan } from './dataCleansingConfig.js';
import { dataRecord } from '../../shared/ownValue.js';

export class DataCleanser {
  private readonly cleanText: (value: RecordValue) => RecordValue;
  /** fields that held at least one non-null value so far */
  readonly seenValues = new Set<string>();
  removedRows = 0;
  rowsSeen = 0;

  constructor(private readonly plan: DataCleansingPlan) {
    this.cleanText = textCleanser(plan.config);
  }

  /** the input rows that are not entirely null; null when all are kept */
  private keptRows(table: Table): Int32Array | null {
    const chunks = this.plan.input.fields.map((f) => columnVector(table, f.name).data);
    if (chunks.length === 0 || chunks.some((c) => c.every((d) => d.nullCount === 0))) return null;
    const keep: number[] = [];
    let row = 0;
    const cursors = chunks.map(() => ({ chunk: 0, at: 0 }));
    for (let i = 0; i < table.numRows; i++, row++) {
      let anyValue = false;
      chunks.forEach((c, k) => {
        const cursor = cursors[k];
        while (cursor.at >= c[cursor.chunk].length) { cursor.chunk++; cursor.at = 0; }
        if (c[cursor.chunk].getValid(cursor.at)) anyValue = true;
        cursor.at++;
      });
      if (anyValue) keep.push(i);
    }
    if (keep.length === table.numRows) return null;
    this.removedRows += table.numRows - keep.length;
    return Int32Array.from(keep);
  }

  /** notes which fields hold a value in `table` (for "remove null columns") */
  noteValues(table: Table): void {
    this.rowsSeen += table.numRows;
    for (const field of this.plan.input.fields) {
      if (this.seenValues.has(field.name)) continue;
      const vector = columnVector(table, field.name);
      if (vector.nullCount < vector.length) this.seenValues.add(field.name);
    }
  }

  /** the cleansed packet of `table` with the fields of `output` */
  cleanse(table: Table, output: Metadata, records: Records): RecordPacket {
    const kept = this.plan.config.removeNullRows ? this.keptRows(table) : null;
    const rows = kept ? takeTable(table, kept) : table;
    const computed: Record<string, RecordValue[]> = dataRecord();
    const outputs = new Set(output.fields.map((f) => f.name));
    for (const field of this.plan.textFields) {
      if (!outputs.has(field.name)) continue;
      const values = readColumn(rows, field.name);
      const out: RecordValue[] = new Array(values.length);
      for (let i = 0; i < values.length; i++) out[i] = this.cleanText(values[i] as RecordValue);
      computed[field.name] = out;
    }
    for (const field of this.plan.numberFields) {
      if (!outputs.has(field.name) || columnVector(rows, field.name).nullCount === 0) continue;
      const values = readColumn(rows, field.name) as RecordValue[];
      const zero = zeroOf(field.type);
      computed[field.name] = values.map((v) => (v === null ? zero : v));
    }
    return assemblePacket(records, rows, output, computed);
  }
}
