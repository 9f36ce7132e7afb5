/**
 * New column names from header values, made valid as Alteryx's Cross Tab does: every character
 * that is not a letter, a digit or `_` becomes `_`, and a name starting with a digit gets a leading
 * `_` (`2026 Q1` → `_2026_Q1`). A null header value names its column `Null`, an empty one `_`.
 * With a method prefix the digit rule is not needed (`Avg_2026_Q1`).
 */
import type { Field, RecordValue } from '../../shared/sdk/index.js';
import { valueToText } from '../common/transformTypes.js';

const INVALID = /[^\p{L}\p{N}_]/gu;

/** the header value with invalid characters replaced: the key that header values share a column by */
export function headerKey(value: RecordValue, header: Field): string {
  const text = valueToText(value, header.type);
  if (text === null) return 'Null';
  return text === '' ? '_' : text.replace(INVALID, '_');
}

/** `Avg_North` when prefixed, else `North` (`_2026` for a key starting with a digit) */
export function columnName(key: string, prefix: string, prefixed: boolean): string {
  if (prefixed) return `${prefix}_${key}`;
  return /^\p{N}/u.test(key) ? `_${key}` : key;
}
