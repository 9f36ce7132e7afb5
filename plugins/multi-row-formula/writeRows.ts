/**
 * Writes computed rows of the streaming Multi-Row Formula: one packet per window segment they
 * span, each the segment's rows with the computed column put in. Rows of kept segments are copied
 * (the segment stays readable); the newest packet, when all of it is written and none of its
 * buffers are kept, is written with its own buffers.
 */
import type { Table } from 'apache-arrow';
import type { Provider, RecordValue } from '../../shared/sdk/index.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { singleBatch, takeTable, withColumns } from '../common/ioArrowTake.js';
import { tableOf } from '../common/transformColumns.js';
import type { MultiRowPlan } from './multiRowPlan.js';
import type { RowWindow, WindowSegment } from './rowWindow.js';

function sliceValues(values: ArrayLike<RecordValue>, start: number, end: number): ArrayLike<RecordValue> {
  const sliceable = values as unknown as { slice(start: number, end: number): ArrayLike<RecordValue> };
  return sliceable.slice(start, end);
}

/** `table` with the computed field's `values` put in (replacing the field or appended) */
export function withComputed(table: Table, values: ArrayLike<RecordValue>, plan: MultiRowPlan, provider: Provider): ArrowRecordPacket {
  const made = tableOf(provider.records.fromColumns({ fields: [plan.target] }, { [plan.target.name]: values }));
  const out = withColumns(singleBatch(table), [{ field: made.schema.fields[0], data: made.batches[0].data.children[0] }]);
  return new ArrowRecordPacket(plan.metadata, out);
}

export async function writeRows(
  window: RowWindow, segments: WindowSegment[], from: number, to: number, values: ArrayLike<RecordValue>,
  plan: MultiRowPlan, provider: Provider, directNewest: boolean,
): Promise<void> {
  const anchor = provider.getOutputAnchor('Output');
  for (let s = 0; s < segments.length; s++) {
    const start = window.start(s);
    const segment = segments[s];
    const first = Math.max(from, start);
    const last = Math.min(to, start + segment.length);
    if (last <= first) continue;
    const part = sliceValues(values, first - from, last - from);
    let table: Table;
    if (directNewest && s === segments.length - 1) table = segment.table;
    else {
      const rows = new Int32Array(last - first);
      for (let i = 0; i < rows.length; i++) rows[i] = first - start + i;
      table = takeTable(segment.table, rows);
    }
    await anchor.write(withComputed(table, part, plan, provider));
  }
}
