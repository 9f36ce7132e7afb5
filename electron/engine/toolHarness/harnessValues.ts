/**
 * Cell values as JSON for the tool harness, without loss: bigint, bytes and non-finite numbers
 * are tagged (`{ "$bigint": "12" }`, `{ "$bytes": "<base64>" }`, `{ "$number": "NaN" }`), so rows
 * cross into a tool's config and back out of a result file exactly as the tool wrote them.
 */
import type { RecordRow, RecordValue } from '../../../shared/sdk/plugin.js';

export type JsonCell = string | number | boolean | null | { $bigint: string } | { $bytes: string } | { $number: string };

export function encodeCell(value: RecordValue | undefined): JsonCell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  return value;
}

export function decodeCell(cell: JsonCell): RecordValue {
  if (cell === null || typeof cell !== 'object') return cell;
  if ('$bigint' in cell) return BigInt(cell.$bigint);
  if ('$bytes' in cell) return new Uint8Array(Buffer.from(cell.$bytes, 'base64'));
  return Number(cell.$number);
}

export function encodeRows(rows: Iterable<RecordRow>, names: string[]): JsonCell[][] {
  const out: JsonCell[][] = [];
  for (const row of rows) out.push(names.map((name) => encodeCell(Object.hasOwn(row, name) ? row[name] : null)));
  return out;
}

/** plain objects, so a test compares them with `{ … }` literals; fromEntries makes even `__proto__` an own key */
export function decodeRows(cells: JsonCell[][], names: string[]): RecordRow[] {
  return cells.map((values) => Object.fromEntries(names.map((name, i) => [name, decodeCell(values[i])])));
}
