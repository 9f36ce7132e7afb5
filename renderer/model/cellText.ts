/**
 * How a preview value reads in the results grid. Doubles carry binary noise
 * (6339.54 arrives as 6339.540000000001): 15 significant digits are exact for any double,
 * so rounding to them shows the decimal the data meant. Nulls read [Null], as in Alteryx.
 */
import type { PreviewValue } from '../../shared/runEvents.js';

export function cellText(value: PreviewValue | undefined): string {
  if (value === null) return '[Null]';
  if (value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)) return String(Number(value.toPrecision(15)));
  return String(value);
}

/** numbers line up on the right */
export function isNumeric(value: PreviewValue | undefined): boolean {
  return typeof value === 'number';
}
