/**
 * Output packets that pass most input columns through unchanged and add or replace a few: the
 * computed columns are built from JS values, every other column keeps its Arrow buffers (no
 * decoding and re-encoding), and the columns are put in the order of the output metadata.
 */
import { Table } from 'apache-arrow';
import type { Metadata, RecordPacket, Records, RecordValue } from '../../shared/sdk/index.js';
import { singleBatch } from './ioArrowTake.js';
import { batchOf } from './ioValues.js';
import { ArrowRecordPacket } from './ioPacket.js';
import { Schema } from 'apache-arrow';
import { tableOf } from './transformColumns.js';

/**
 * A packet of `output`'s fields: a field named in `computed` takes those values, any other field
 * the input column of the same name. Every computed column has `input.numRows` values.
 */
export function assemblePacket(
  records: Records, input: Table, output: Metadata, computed: Record<string, ArrayLike<RecordValue>>,
): RecordPacket {
  const length = input.numRows;
  if (input.batches.length === 0 || length === 0) {
    const empty = Object.fromEntries(output.fields.map((f) => [f.name, [] as RecordValue[]]));
    return records.fromColumns(output, empty);
  }
  const table = singleBatch(input);
  const computedFields = output.fields.filter((f) => Object.hasOwn(computed, f.name));
  const made = computedFields.length > 0 ? tableOf(records.fromColumns({ fields: computedFields }, computed)) : null;
  const madeBatch = made ? singleBatch(made).batches[0] : null;
  const fields = [];
  const children = [];
  for (const field of output.fields) {
    if (Object.hasOwn(computed, field.name)) {
      const at = made!.schema.fields.findIndex((f) => f.name === field.name);
      fields.push(made!.schema.fields[at]);
      children.push(madeBatch!.data.children[at]);
    } else {
      const at = table.schema.fields.findIndex((f) => f.name === field.name);
      if (at < 0) throw new Error(`internal: output field "${field.name}" is neither computed nor in the input`);
      fields.push(table.schema.fields[at]);
      children.push(table.batches[0].data.children[at]);
    }
  }
  return new ArrowRecordPacket(output, new Table([batchOf(new Schema(fields), children, length)]));
}
