/**
 * Text Input: Alteryx saves only field names and the cells as text, and guesses each field's type
 * when it runs; the types it guessed last are in the output metadata it saved with the workflow
 * (`<MetaInfo>`: Byte, Int16, String of the longest cell's size, …), used when present. Else the guess here: a field whose every non-empty cell is a whole number without a
 * leading zero is int32 (int64 past int32, double past int64), one whose cells are all numbers
 * is double, anything else is text (so "0990930" stays text); empty cells are null in a number
 * field and empty text in a text field.
 */
import { weftType } from '../alteryxTypes.js';
import { converted } from '../conversion.js';
import type { AlteryxTool, Conversion } from '../importTypes.js';

const WHOLE = /^-?(?:0|[1-9]\d*)$/;
const DECIMAL = /^-?(?:0|[1-9]\d*)?\.\d+$|^-?(?:0|[1-9]\d*)\.?$|^-?(?:0|[1-9]\d*)(?:\.\d+)?[eE][+-]?\d+$/;
const INT32_MAX = 2147483647n;
const INT64_MAX = 9223372036854775807n;

type Guess = 'int32' | 'int64' | 'double' | 'v_wstring';
const NUMBER_TYPES = new Set(['byte', 'int16', 'int32', 'float', 'double']);

export function guessType(cells: string[]): Guess {
  const values = cells.filter((cell) => cell !== '');
  if (values.length === 0) return 'v_wstring';
  if (values.every((v) => WHOLE.test(v))) {
    const largest = values.reduce((max, v) => {
      const magnitude = BigInt(v) < 0n ? -BigInt(v) - 1n : BigInt(v);
      return magnitude > max ? magnitude : max;
    }, 0n);
    if (largest <= INT32_MAX) return 'int32';
    return largest <= INT64_MAX ? 'int64' : 'double';
  }
  if (values.every((v) => WHOLE.test(v) || DECIMAL.test(v))) return 'double';
  return 'v_wstring';
}

function cellValue(cell: string, type: string): string | number | boolean | null {
  if (type === 'v_wstring' || type === 'v_string' || type === 'wstring' || type === 'string') return cell;
  if (cell === '') return null;
  if (type === 'bool') return /^(true|1)$/i.test(cell.trim());
  // int64 and fixeddecimal values travel as text so that every digit is kept
  return NUMBER_TYPES.has(type) ? Number(cell) : cell;
}

export function convertTextInput(tool: AlteryxTool): Conversion {
  const configuration = tool.configuration;
  const declared = configuration?.child('Fields')?.children('Field') ?? [];
  const names = declared.map((f) => f.attr('name') ?? '');
  const rows = configuration?.child('Data')?.children('r').map((r) => r.children('c').map((c) => c.text())) ?? [];
  const result = converted('weft/text-input', {});
  // a field that does carry a type (some writers add one) keeps it, then Alteryx's own saved guess; the others are guessed
  const saved = new Map((tool.metaInfo.get('Output') ?? []).map((f) => [f.name, weftType(f.type)]));
  const types: string[] = names.map((name, i) => weftType(declared[i]!.attr('type')) ?? saved.get(name) ?? guessType(rows.map((row) => row[i] ?? '')));
  const longRows = rows.filter((row) => row.length > names.length).length;
  if (longRows > 0) result.notes.push(`${longRows} row(s) have more cells than the ${names.length} field(s); the extra cells are dropped`);
  result.config = {
    fields: names.map((name, i) => ({ name, type: types[i] })),
    rows: rows.map((row) => names.map((_, i) => cellValue(row[i] ?? '', types[i]!))),
  };
  return result;
}
