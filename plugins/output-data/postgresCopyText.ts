/**
 * Rows of an Arrow batch as COPY … FROM STDIN (FORMAT csv) text: a null is an empty unquoted
 * value, every text value is quoted (so an empty string stays an empty string), bytea as \x hex.
 */
import type { RecordBatch, Vector } from 'apache-arrow';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string': return `"${value.replace(/"/g, '""')}"`;
    case 'boolean': return value ? 't' : 'f';
    case 'number': return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? String(value) : value > 0 ? 'Infinity' : '-Infinity';
    case 'bigint': return value.toString();
    default:
      if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
      return `"${String(value).replace(/"/g, '""')}"`;
  }
}

export function copyTextOf(batch: RecordBatch): string {
  const columns: Vector[] = [];
  for (let c = 0; c < batch.numCols; c++) columns.push(batch.getChildAt(c)!);
  const lines: string[] = new Array<string>(batch.numRows);
  for (let r = 0; r < batch.numRows; r++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c > 0 ? ',' : '') + cell(columns[c].get(r));
    lines[r] = line;
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
