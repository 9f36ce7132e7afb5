/**
 * A bound on a record batch's metadata before apache-arrow decodes it. The decoder loops over the
 * lengths its flatbuffer vectors claim (field nodes, buffers, variadic counts) without checking
 * them against the bytes: a damaged length of a few billion kept a tool's thread busy for hours.
 * Each element of those vectors takes at least 8 bytes inside the metadata, so a claim that does
 * not fit in the metadata's bytes is damage.
 */

/** [vector field index, bytes per element] of the RecordBatch table (Message.fbs) */
const RECORD_BATCH_VECTORS: readonly [number, number][] = [[1, 16], [2, 16], [4, 8]];
const MESSAGE_HEADER_TYPE = 1;
const MESSAGE_HEADER = 2;
const HEADER_RECORD_BATCH = 3;

/** where field `field` of the flatbuffer table at `table` is, or 0 when it is absent */
function fieldAt(view: DataView, table: number, field: number): number {
  const vtable = table - view.getInt32(table, true);
  const entry = 4 + 2 * field;
  if (entry >= view.getUint16(vtable, true)) return 0;
  const offset = view.getUint16(vtable + entry, true);
  return offset === 0 ? 0 : table + offset;
}

/**
 * Why the message's metadata (the flatbuffer, without the continuation marker and length) cannot
 * be a sound record batch, or null when its vectors fit. Reads past the bytes throw a RangeError,
 * which the caller reports as damage too.
 */
export function recordBatchMetadataProblem(metadata: Uint8Array): string | null {
  const view = new DataView(metadata.buffer, metadata.byteOffset, metadata.byteLength);
  const message = view.getUint32(0, true);
  const typeAt = fieldAt(view, message, MESSAGE_HEADER_TYPE);
  const type = typeAt === 0 ? 0 : view.getUint8(typeAt);
  if (type !== HEADER_RECORD_BATCH) return `its message is of type ${type}, not a record batch`;
  const headerAt = fieldAt(view, message, MESSAGE_HEADER);
  if (headerAt === 0) return 'its message has no header';
  const batch = headerAt + view.getUint32(headerAt, true);
  for (const [field, size] of RECORD_BATCH_VECTORS) {
    const at = fieldAt(view, batch, field);
    if (at === 0) continue;
    const vector = at + view.getUint32(at, true);
    const count = view.getUint32(vector, true);
    if (vector + 4 + count * size > metadata.byteLength) return `its metadata claims ${count} entries where ${metadata.byteLength} bytes hold far fewer`;
  }
  return null;
}
