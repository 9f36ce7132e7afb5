/**
 * Output packets that pass most input columns through unchanged and add or replace a few: the
 * computed columns are built from JS values, every other column keeps its Arrow buffers (no
 * decoding and re-encoding), and the columns are put in the order of the output metadata.
 */
import { RecordBatch, Schema, Table } from 'apache-arrow';
import type { Metadata, RecordPacket, Records, RecordValue } from '../../shared/sdk/index.js';
import { batchOf } from './ioValues.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { tableOf } from './transformColumns.js';

function sliceValues(values: ArrayLike<RecordValue>, start: number, end: number): ArrayLike<RecordValue> {
  if (start === 0 && end === values.length) return values;
  return Array.prototype.slice.call(values, start, end) as RecordValue[];
}

/** one output batch from one input batch and the computed values of its rows */
function assembleBatch(records: Records, batch: RecordBatch, output: Metadata, computed: Record<string, ArrayLike<RecordValue>>): RecordBatch {
  const computedFields = output.fields.filter((f) => Object.hasOwn(computed, f.name));
  const made = computedFields.length > 0 ? tableOf(records.fromColumns({ fields: computedFields }, computed)) : null;
  if (made && made.batches.length !== 1) throw new Error(`internal: computed columns came in ${made.batches.length} batches`);
  const fields = [];
  const children = [];
  for (const field of output.fields) {
    const from = Object.hasOwn(computed, field.name) ? made!.batches[0] : batch;
    const at = from.schema.fields.findIndex((f) => f.name === field.name);
    if (at < 0) throw new Error(`internal: output field "${field.name}" is neither computed nor in the input`);
    fields.push(from.schema.fields[at]);
    children.push(from.data.children[at]);
  }
  return batchOf(new Schema(fields), children, batch.numRows);
}

/**
 * A packet of `output`'s fields: a field named in `computed` takes those values, any other field
 * the input column of the same name. Every computed column has `input.numRows` values. The packet
 * has one batch per non-empty input batch.
 */
export function assemblePacket(
  records: Records, input: Table, output: Metadata, computed: Record<string, ArrayLike<RecordValue>>,
): RecordPacket {
  const batches = input.batches.filter((b) => b.numRows > 0);
  if (batches.length === 0) {
    const empty = Object.fromEntries(output.fields.map((f) => [f.name, [] as RecordValue[]]));
    return records.fromColumns(output, empty);
  }
  let start = 0;
  const out = batches.map((batch) => {
    const end = start + batch.numRows;
    const part = Object.fromEntries(Object.entries(computed).map(([name, values]) => [name, sliceValues(values, start, end)]));
    start = end;
    return assembleBatch(records, batch, output, part);
  });
  return new ArrowRecordPacket(output, new Table(out));
}
