/**
 * Writing computed columns to an output anchor in packets of a bounded size. A packet handed to
 * `write` belongs to the host (its buffers may be transferred to another thread), so every packet
 * gets its own copies of the typed arrays, never views into a shared buffer.
 */
import type { Metadata, OutputAnchor, Records, RecordValue } from '../../shared/sdk/index.js';
import type { ColumnValues, NumericArray } from './transformColumns.js';
import { dataRecord } from '../../shared/ownValue.js';

export const PACKET_ROWS = 65_536;

function sliceColumn(values: ColumnValues, start: number, end: number): ArrayLike<RecordValue> {
  if (Array.isArray(values)) return start === 0 && end === values.length ? values : values.slice(start, end);
  return (values as NumericArray).slice(start, end) as ArrayLike<RecordValue>;
}

export async function writeColumns(
  anchor: OutputAnchor, records: Records, metadata: Metadata,
  columns: Record<string, ColumnValues>, length: number, packetRows = PACKET_ROWS,
): Promise<void> {
  for (let start = 0; start < length; start += packetRows) {
    const end = Math.min(length, start + packetRows);
    const slice: Record<string, ArrayLike<RecordValue>> = dataRecord();
    for (const field of metadata.fields) slice[field.name] = sliceColumn(columns[field.name], start, end);
    await anchor.write(records.fromColumns(metadata, slice));
  }
}
