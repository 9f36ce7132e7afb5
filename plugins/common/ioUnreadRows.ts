/**
 * Rows nobody reads: an output anchor with no connections only counts its rows and keeps a short
 * preview (docs/sdk.md, "Rows nobody reads"), so a tool builds just the rows the preview still
 * takes and skips the rest. On a host without these SDK additions every row is built.
 */
import type { OutputAnchor, RecordPacket } from '../../shared/sdk/index.js';

/** how many of the next `rows` rows the anchor needs built: all when a tool reads it */
export function rowsToBuild(anchor: OutputAnchor, rows: number): number {
  if (anchor.connections !== 0 || typeof anchor.skip !== 'function') return rows;
  return Math.min(rows, anchor.previewRowsWanted ?? rows);
}

/** writes the first rows the anchor needs (`build(head)` makes them) and skips the rest */
export async function writeRowsRead(anchor: OutputAnchor, rows: number, build: (head: number) => RecordPacket): Promise<void> {
  if (rows === 0) return;
  const head = rowsToBuild(anchor, rows);
  if (head > 0) await anchor.write(build(head));
  if (head < rows) anchor.skip!(rows - head);
}
