/**
 * What the CSV parser notes about values it had to change on the way in (docs/reliability.md):
 * integers a double field rounds, finite texts read as ±Infinity, and invalid UTF-8 (read as
 * U+FFFD): each counted, the first one placed by line, field and value.
 */
import type { Field } from '../../../shared/sdk/index.js';
import { firstInvalidUtf8, invalidUtf8Count } from '../../common/ioUtf8.js';
import { text } from './csvFields.js';
import type { ValueChange, ValueChanges } from './csvParserTypes.js';

/** a large number as stored: an integer a double rounds, or a finite text turned into ±Infinity, is counted */
export function noteNumber(changes: ValueChanges, fields: readonly Field[], c: number, stored: number, written: string, line: number): void {
  if (!Number.isFinite(stored)) {
    if (!/Infinity$/.test(written)) noteChange(changes.overflow, fields, line, c, written);
  } else if (fields[c].type === 'double' && /^[+-]?\d+$/.test(written) && BigInt(written) !== BigInt(stored)) {
    noteChange(changes.integerAsDouble, fields, line, c, written);
  }
}

function noteChange(change: ValueChange, fields: readonly Field[], line: number, c: number, value: string): void {
  if (change.count++ === 0) place(change, fields, line, c, value);
}

function place(change: ValueChange, fields: readonly Field[], line: number, c: number, value: string): void {
  change.line = line;
  change.field = fields[c]?.name ?? `column ${c + 1}`;
  change.value = value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** counts the invalid UTF-8 in the whole rows `bytes` (from line `line`) and finds the first's line and field */
export function noteInvalidUtf8(
  changes: ValueChanges, fields: readonly Field[], dialect: { delim: number; quote: number }, bytes: Uint8Array, line: number,
): void {
  const change = changes.invalidUtf8;
  const count = invalidUtf8Count(bytes);
  if (count === 0) return;
  if (change.count === 0) {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    const { delim, quote } = dialect;
    // walk the rows as the parser does (line ends and delimiters outside quotes) to the end of that field
    let c = 0;
    let quoted = false;
    let fieldStart = 0;
    let i = 0;
    for (; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === quote) { quoted = !quoted; continue; }
      if (quoted) { if (b === 10 && i < at) line++; continue; }
      if (b !== delim && b !== 10 && b !== 13) continue;
      if (i >= at) break;
      if (b === delim) c++;
      else {
        if (b === 13 && bytes[i + 1] === 10) i++;
        line++;
        c = 0;
      }
      fieldStart = i + 1;
    }
    let value = text(bytes, fieldStart, i);
    if (quote >= 0 && bytes[fieldStart] === quote) {
      const q = String.fromCharCode(quote);
      value = value.slice(1, value.endsWith(q) ? -1 : undefined).split(q + q).join(q);
    }
    place(change, fields, line, c, value);
  }
  change.count += count;
}
