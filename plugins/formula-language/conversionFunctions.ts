/** Conversions between text, numbers and dates. A value that does not convert gives null and a warning. */
import { formatDate, formatDateTime, parseDateTime } from './dateTime.js';
import type { CallContext, FunctionSpec } from './functionSpec.js';
import { decimalSeparator, formatNumber, leadingNumber, numberToText, textToNumber } from './numberText.js';
import type { Scalar } from './values.js';

const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;

export { numberToText, textToNumber } from './numberText.js';

export function scalarToText(value: Scalar): string {
  if (typeof value === 'number' || typeof value === 'bigint') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof Uint8Array) return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('');
  return String(value);
}

function toNumber(value: Scalar, ignoreErrors: boolean, keepNulls: boolean, separator: string | undefined, context: CallContext): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || typeof value !== 'string') return keepNulls ? null : 0;
  const decimal = decimalSeparator(separator);
  if (decimal === null) {
    context.warn(`decimal separator ${JSON.stringify(separator)} is not "." or ","`);
    return null;
  }
  const n = textToNumber(value, decimal);
  if (n !== null) return n;
  if (!ignoreErrors) context.warn(`${JSON.stringify(value.slice(0, 40))} is not a number`);
  return keepNulls ? null : leadingNumber(value, decimal) ?? 0;
}

export const CONVERSION_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'ToNumber', category: 'Conversion', returns: 'double', nulls: 'accept',
    params: [{ name: 'Value', kind: 'any' }, { name: 'IgnoreErrors', kind: 'flag', optional: true }, { name: 'KeepNulls', kind: 'flag', optional: true }, { name: 'DecimalSeparator', kind: 'text', optional: true }],
    description: 'Value as a number, as Alteryx\'s ToNumber(x, bIgnoreErrors, keepNulls, decimalSeparator). Text is read in decimal or scientific notation, the other separator grouping thousands (`1,234.5`, or `1.234,5` with DecimalSeparator ","); true/false become 1/0. Text that is not a number gives the number it starts with, else 0, with a conversion warning unless IgnoreErrors is 1; with KeepNulls 1 it gives null instead, and a null stays null (else a null gives 0).',
    examples: [
      { formula: 'ToNumber("1,234.5")', result: '1234.5' }, { formula: 'ToNumber("4.256411E2")', result: '425.6411' },
      { formula: 'ToNumber("x")', result: '0' }, { formula: 'ToNumber("x", 1, 1)', result: 'null' },
      { formula: 'ToNumber("123,456", 0, 0, ",")', result: '123.456' }, { formula: 'ToNumber(Null())', result: '0' },
    ],
    evaluate: ([value, ignoreErrors, keepNulls, separator], context) => toNumber(value, ignoreErrors === true, keepNulls === true, separator as string | undefined, context),
  },
  {
    name: 'ToInteger', aliases: ['ToInt'], category: 'Conversion', returns: 'int',
    params: [{ name: 'Value', kind: 'any' }],
    description: 'Value as a 64-bit integer: numbers are truncated toward zero, text is read exactly (even beyond 2^53). Text that is not a number gives null and a warning.',
    examples: [{ formula: 'ToInteger("9007199254740993")', result: '9007199254740993' }, { formula: 'ToInteger(-3.9)', result: '-3' }],
    evaluate: ([value], context) => {
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value === 'string') {
        if (INTEGER_TEXT.test(value)) return BigInt(value.trim());
        const n = textToNumber(value);
        if (n === null) context.warn(`${JSON.stringify(value.slice(0, 40))} is not a number`);
        return n === null ? null : Math.trunc(n);
      }
      return null;
    },
  },
  {
    name: 'ToString', category: 'Conversion', returns: 'string',
    params: [{ name: 'Value', kind: 'any' }, { name: 'Decimals', kind: 'number', optional: true }, { name: 'ThousandsSeparator', kind: 'flag', optional: true }, { name: 'DecimalSeparator', kind: 'text', optional: true }],
    description: 'Value as text, as Alteryx\'s ToString(x, numDec, addThousandsSeparator, decimalSeparator): a number with Decimals digits after the separator when given, thousands grouped when the third argument is 1 (with `,`, or `.` when DecimalSeparator is ","). true/false become "True"/"False".',
    examples: [
      { formula: 'ToString(3.14159, 2)', result: '"3.14"' }, { formula: 'ToString(42)', result: '"42"' },
      { formula: 'ToString(1234567.891, 2, 1)', result: '"1,234,567.89"' }, { formula: 'ToString(1234567.891, 2, 1, ",")', result: '"1.234.567,89"' },
      { formula: 'ToString(0.5, 1, 0, ",")', result: '"0,5"' },
    ],
    evaluate: ([value, decimals, grouped, separator], context) => {
      if (typeof value !== 'number' && typeof value !== 'bigint') return scalarToText(value);
      const decimal = decimalSeparator(separator as string | undefined);
      if (decimal === null) {
        context.warn(`decimal separator ${JSON.stringify(separator)} is not "." or ","`);
        return null;
      }
      return formatNumber(value, decimals === undefined ? undefined : Math.trunc(decimals as number), grouped === true, decimal);
    },
  },
  {
    name: 'ToDate', category: 'Conversion', returns: 'date',
    params: [{ name: 'Value', kind: 'datetime' }],
    description: 'A date or datetime (or text holding one, `yyyy-mm-dd[ hh:mm:ss]`) as a date; null and a warning when it is not one.',
    examples: [{ formula: 'ToDate("2026-11-21 13:05:00")', result: '"2026-11-21"' }],
    evaluate: ([value], context) => {
      const t = parseDateTime(value as string);
      if (t === null) context.warn(`${JSON.stringify(String(value).slice(0, 40))} is not a date`);
      return t === null ? null : formatDate(t);
    },
  },
  {
    name: 'ToDateTime', category: 'Conversion', returns: 'datetime',
    params: [{ name: 'Value', kind: 'datetime' }],
    description: 'A date or datetime (or text holding one) as a datetime; a date gets the time 00:00:00.',
    examples: [{ formula: 'ToDateTime("2026-11-21")', result: '"2026-11-21 00:00:00"' }],
    evaluate: ([value], context) => {
      const t = parseDateTime(value as string);
      if (t === null) context.warn(`${JSON.stringify(String(value).slice(0, 40))} is not a datetime`);
      return t === null ? null : formatDateTime(t);
    },
  },
  {
    name: 'HexToNumber', category: 'Conversion', returns: 'int',
    params: [{ name: 'Hex', kind: 'text' }],
    description: 'Hexadecimal text (with or without 0x) as an integer; null when it is not hexadecimal.',
    examples: [{ formula: 'HexToNumber("ff")', result: '255' }],
    evaluate: ([hex]) => {
      const text = (hex as string).trim().replace(/^0x/i, '');
      return /^[0-9a-f]{1,16}$/i.test(text) ? BigInt.asIntN(64, BigInt(`0x${text}`)) : null;
    },
  },
  {
    name: 'IntToHex', category: 'Conversion', returns: 'string',
    params: [{ name: 'n', kind: 'numeric' }],
    description: 'An integer as hexadecimal text (lower case; negative numbers as 64-bit two\'s complement).',
    examples: [{ formula: 'IntToHex(255)', result: '"ff"' }],
    evaluate: ([n]) => BigInt.asUintN(64, BigInt(typeof n === 'number' ? Math.trunc(n) : (n as bigint))).toString(16),
  },
];
