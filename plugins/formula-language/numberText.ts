/**
 * Numbers read from and written as text, with a choice of decimal separator (`.` or `,`): the
 * other one may group thousands. Used by ToNumber and ToString, and by the Formula tool when text
 * is written to a number field.
 */

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const PREFIX = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;

/** the text with the separators of `decimal` turned into plain `.` notation (thousands groups removed) */
function plain(text: string, decimal: '.' | ','): string {
  const thousands = decimal === '.' ? ',' : '.';
  const grouped = new RegExp(`\\${thousands}(?=\\d{3}(?:\\D|$))`, 'g');
  const cleaned = text.trim().replace(grouped, '');
  return decimal === ',' ? cleaned.replace(',', '.') : cleaned;
}

/** Text as a number (thousands separators allowed); null when the whole text is not one. */
export function textToNumber(text: string, decimal: '.' | ',' = '.'): number | null {
  const cleaned = plain(text, decimal);
  return NUMBER.test(cleaned) ? Number(cleaned) : null;
}

/** The number at the start of the text (as Alteryx reads `12ab` as 12), or null when it starts with none. */
export function leadingNumber(text: string, decimal: '.' | ',' = '.'): number | null {
  const m = PREFIX.exec(plain(text, decimal));
  return m === null ? null : Number(m[0]);
}

/** How a number is written as text: integers without a decimal point, others in shortest form. */
export function numberToText(value: number | bigint, decimals?: number): string {
  if (typeof value === 'bigint') return decimals ? `${value}.${'0'.repeat(decimals)}` : String(value);
  if (decimals !== undefined) return value.toFixed(Math.max(0, Math.min(100, decimals)));
  return String(value);
}

/** `numberToText` with thousands grouped and a chosen decimal separator (the other one groups) */
export function formatNumber(value: number | bigint, decimals: number | undefined, grouped: boolean, decimal: '.' | ','): string {
  const text = numberToText(value, decimals);
  if (/e/i.test(text) || !Number.isFinite(Number(text))) return text;
  const [whole, fraction] = text.split('.');
  const thousands = decimal === '.' ? ',' : '.';
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const head = grouped ? digits.replace(/\B(?=(\d{3})+$)/g, thousands) : digits;
  return `${sign}${head}${fraction === undefined ? '' : decimal + fraction}`;
}

/** `.` or `,` from a separator argument; null for anything else */
export function decimalSeparator(value: string | undefined): '.' | ',' | null {
  if (value === undefined) return '.';
  return value === '.' || value === ',' ? value : null;
}
