/** Conversions between text, numbers and dates. A value that does not convert gives null and a warning. */
import { formatDate, formatDateTime, parseDateTime } from './dateTime.js';
import type { FunctionSpec } from './functionSpec.js';
import type { Scalar } from './values.js';

const NUMBER_TEXT = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;

/** Text as a number: plain decimal notation, thousands separators `,` allowed; else null. */
export function textToNumber(text: string): number | null {
  const cleaned = text.replace(/,(?=\d{3}(?:\D|$))/g, '');
  return NUMBER_TEXT.test(cleaned) ? Number(cleaned) : null;
}

/** How a number is written as text: integers without a decimal point, others in shortest form. */
export function numberToText(value: number | bigint, decimals?: number): string {
  if (typeof value === 'bigint') return decimals ? `${value}.${'0'.repeat(decimals)}` : String(value);
  if (decimals !== undefined) return value.toFixed(Math.max(0, Math.min(100, decimals)));
  return String(value);
}

export function scalarToText(value: Scalar): string {
  if (typeof value === 'number' || typeof value === 'bigint') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof Uint8Array) return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('');
  return String(value);
}

export const CONVERSION_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'ToNumber', category: 'Conversion', returns: 'double',
    params: [{ name: 'Value', kind: 'any' }],
    description: 'Value as a number: text is read in decimal notation (thousands separators `,` allowed), true/false become 1/0. Text that is not a number gives null and a warning.',
    examples: [{ formula: 'ToNumber("1,234.5")', result: '1234.5' }, { formula: 'ToNumber("abc")', result: 'null' }],
    evaluate: ([value], context) => {
      if (typeof value === 'number') return value;
      if (typeof value === 'bigint') return Number(value);
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value === 'string') {
        const n = textToNumber(value);
        if (n === null) context.warn(`${JSON.stringify(value.slice(0, 40))} is not a number`);
        return n;
      }
      return null;
    },
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
    params: [{ name: 'Value', kind: 'any' }, { name: 'Decimals', kind: 'number', optional: true }],
    description: 'Value as text; a number is written with Decimals digits after the point when given. true/false become "True"/"False".',
    examples: [{ formula: 'ToString(3.14159, 2)', result: '"3.14"' }, { formula: 'ToString(42)', result: '"42"' }],
    evaluate: ([value, decimals]) => {
      if ((typeof value === 'number' || typeof value === 'bigint') && decimals !== undefined) return numberToText(value, Math.trunc(decimals as number));
      return scalarToText(value);
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
