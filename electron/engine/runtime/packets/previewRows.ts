/** JSON-safe preview rows: int64 as a decimal string, blob as base64, non-finite numbers as text. */
import type { PreviewRow, PreviewValue } from '../../../../shared/runEvents.js';
import { capPreviewCell } from '../messageLimits.js';
import { ArrowRecordPacket } from '../../../../shared/sdk/recordPacket.js';
import { dataRecord } from '../../../../shared/ownValue.js';

/**
 * A cell as JSON: bigint → decimal string, bytes → base64, non-finite → its name; also takes raw
 * Arrow cell values (Date → ISO, other typed arrays → JSON list, anything else → its text).
 */
export function previewValue(value: unknown): PreviewValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return JSON.stringify(Array.from(value as unknown as ArrayLike<number>, (n) => (typeof n === 'bigint' ? String(n) : n)));
  return String(value);
}

/** Appends up to `limit` rows of `packet` to `into`, converted to preview values (long texts cut). */
export function collectPreview(packet: ArrowRecordPacket, into: PreviewRow[], limit: number): void {
  const take = Math.min(limit - into.length, packet.length);
  if (take <= 0) return;
  // read only the rows we keep: decoding a whole 64k-row string column for 100 rows is waste
  const head = take < packet.length ? new ArrowRecordPacket(packet.metadata, packet.table.slice(0, take)) : packet;
  const names = head.metadata.fields.map((f) => f.name);
  const columns = names.map((n) => head.column(n));
  for (let r = 0; r < take; r++) {
    const row: PreviewRow = dataRecord();
    for (let c = 0; c < names.length; c++) row[names[c]] = capPreviewCell(previewValue(columns[c][r]));
    into.push(row);
  }
}
