/**
 * Column widths of the results grid: wide enough for the header and the widest of the first rows,
 * within [MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH], so a short number column does not take as much room
 * as a long text one and the right-most columns come into view sooner. A user's resize wins.
 */
import type { PreviewRow } from '../../shared/runEvents.js';
import { cellText } from './cellText.js';

export const MIN_COLUMN_WIDTH = 64;
export const MAX_COLUMN_WIDTH = 320;
/** rows looked at for the widths: enough for a typical value, cheap to measure */
export const SAMPLE_ROWS = 100;
/** cell padding (8 px each side), the border, and a little slack (DOM text runs a bit wider than canvas text) */
const CELL_EXTRA = 8 + 8 + 1 + 4;
const HEADER_EXTRA = 6;

/** the text width in px; `header` texts are bold */
export type MeasureText = (text: string, header: boolean) => number;

/** a fallback without a canvas: the average advance of a 12 px UI font (bold a tenth wider) */
export const estimateTextWidth: MeasureText = (text, header) => text.length * (header ? 7.4 : 6.8);

export function clampColumnWidth(width: number): number {
  return Math.ceil(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));
}

export function columnWidths(columns: string[], rows: readonly (PreviewRow | undefined)[], measure: MeasureText = estimateTextWidth): number[] {
  const sample = rows.slice(0, SAMPLE_ROWS);
  return columns.map((column) => {
    let widest = measure(column, true) + HEADER_EXTRA;
    for (const row of sample) {
      if (!row) continue;
      const text = cellText(row[column]);
      // no need to measure what is longer than the widest column shows anyway
      widest = Math.max(widest, measure(text.length > 80 ? text.slice(0, 80) : text, false));
    }
    return clampColumnWidth(widest + CELL_EXTRA);
  });
}
