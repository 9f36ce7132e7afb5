/** A table under new field names, sharing every column buffer with the original (no copy). */
import { Field as ArrowField, Schema, Table } from 'apache-arrow';
import type { Metadata } from '../../shared/sdk/index.js';
import { batchOf } from '../common/ioValues.js';

/** `table` (fields in the order of `from`) with the names of `to` */
export function renamedTable(table: Table, from: Metadata, to: Metadata): Table {
  const fields = from.fields.map((f, i) => {
    const arrow = table.schema.fields.find((a) => a.name === f.name);
    if (!arrow) throw new Error(`no column "${f.name}" in the packet`);
    return new ArrowField(to.fields[i].name, arrow.type, arrow.nullable, arrow.metadata);
  });
  const schema = new Schema(fields, table.schema.metadata);
  const order = from.fields.map((f) => table.schema.fields.findIndex((a) => a.name === f.name));
  return new Table(schema, table.batches.map((batch) => batchOf(schema, order.map((i) => batch.data.children[i]), batch.numRows)));
}
