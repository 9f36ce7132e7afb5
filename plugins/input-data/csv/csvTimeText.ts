/**
 * Writing times and date-times into a text column in the one form Weft uses
 * (`YYYY-MM-DD HH:MM:SS[.fff]`, `HH:MM:SS`), for values the file spells shorter.
 */
import type { TextColumn } from './csvColumns.js';

/** `YYYY-MM-DD HH:MM:SS[.fff]` from a date, or a date-time with `T` or a space */
export function setDatetime(col: TextColumn, row: number, buf: Uint8Array, s: number, stop: number): void {
  let at = col.reserve(row, stop - s + 9);
  const data = col.data;
  for (let i = s; i < s + 10; i++) data[at++] = buf[i];
  data[at++] = 32;
  if (stop === s + 10) {
    data[at++] = 48; data[at++] = 48; data[at++] = 58; data[at++] = 48; data[at++] = 48; data[at++] = 58; data[at++] = 48; data[at++] = 48;
  } else {
    for (let i = s + 11; i < stop; i++) data[at++] = buf[i];
    if (stop - (s + 11) === 5) { data[at++] = 58; data[at++] = 48; data[at++] = 48; }
  }
  col.offsets[row + 1] = at;
  col.valid[row] = 1;
}

/** `HH:MM` already stored at `row` becomes `HH:MM:00` */
export function appendSeconds(col: TextColumn, row: number): void {
  let at = col.reserve(row, col.offsets[row + 1] - col.offsets[row] + 3) + col.offsets[row + 1] - col.offsets[row];
  col.data[at++] = 58; col.data[at++] = 48; col.data[at++] = 48;
  col.offsets[row + 1] = at;
}
