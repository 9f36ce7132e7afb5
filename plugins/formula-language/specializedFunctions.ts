/**
 * Alteryx's "specialized" functions: random values and ids, hashes, encodings for other formats,
 * value picking and messages. Rand, RandInt, UuidCreate and Message are `volatile`: evaluated
 * for every row, never once for the whole formula.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FunctionSpec } from './functionSpec.js';
import type { Scalar } from './values.js';

const str = (value: Scalar) => value as string;

const SOUNDEX_CODES: Record<string, string> = {
  B: '1', F: '1', P: '1', V: '1', C: '2', G: '2', J: '2', K: '2', Q: '2', S: '2', X: '2', Z: '2',
  D: '3', T: '3', L: '4', M: '5', N: '5', R: '6',
};

/** American Soundex: the first letter and three digits; H and W do not part letters of one code */
export function soundex(text: string): string {
  const letters = text.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z]/g, '');
  if (letters === '') return '';
  let code = letters[0];
  let last = SOUNDEX_CODES[letters[0]] ?? '';
  for (let i = 1; i < letters.length && code.length < 4; i++) {
    const c = letters[i];
    const digit = SOUNDEX_CODES[c];
    if (digit !== undefined && digit !== last) code += digit;
    if (c !== 'H' && c !== 'W') last = digit ?? '';
  }
  return code.padEnd(4, '0');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

export const SPECIALIZED_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'Rand', category: 'Specialized', returns: 'double', params: [], volatile: true,
    description: 'A random number from 0 up to (not including) 1, new on every row.',
    examples: [{ formula: 'Rand() >= 0 AND Rand() < 1', result: 'true' }],
    evaluate: () => Math.random(),
  },
  {
    name: 'RandInt', category: 'Specialized', returns: 'int', volatile: true,
    params: [{ name: 'n', kind: 'number' }],
    description: 'A random whole number from 0 to n (both included), new on every row.',
    examples: [{ formula: 'RandInt(3) IN (0, 1, 2, 3)', result: 'true' }],
    evaluate: ([n]) => Math.floor(Math.random() * (Math.trunc(n as number) + 1)),
  },
  {
    name: 'UuidCreate', category: 'Specialized', returns: 'string', params: [], volatile: true,
    description: 'A new random UUID (version 4) on every row.',
    examples: [{ formula: 'UuidCreate()', result: /^"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"$/ }],
    evaluate: () => randomUUID(),
  },
  {
    name: 'MD5_ASCII', category: 'Specialized', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'The MD5 hash (32 hex digits) of String as ASCII; a character outside ASCII counts as "?".',
    examples: [{ formula: 'MD5_ASCII("abc")', result: '"900150983cd24fb0d6963f7d28e17f72"' }],
    evaluate: ([s]) => md5(Buffer.from(str(s).replace(/[^\x00-\x7f]/gu, '?'), 'latin1')),
  },
  {
    name: 'MD5_UNICODE', category: 'Specialized', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'The MD5 hash (32 hex digits) of String as UTF-16 (little-endian), as Alteryx hashes its wide strings.',
    examples: [{ formula: 'MD5_UNICODE("abc")', result: '"ce1473cf80c6b3fda8e3dfc006adc315"' }],
    evaluate: ([s]) => md5(Buffer.from(str(s), 'utf16le')),
  },
  {
    name: 'MD5_UTF8', category: 'Specialized', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'The MD5 hash (32 hex digits) of String as UTF-8.',
    examples: [{ formula: 'MD5_UTF8("abc")', result: '"900150983cd24fb0d6963f7d28e17f72"' }],
    evaluate: ([s]) => md5(Buffer.from(str(s), 'utf8')),
  },
  {
    name: 'Soundex', category: 'Specialized', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'The American Soundex code of String: its first letter and three digits for the sound of the rest (accents dropped, other characters skipped); empty text when it has no letter.',
    examples: [{ formula: 'Soundex("Robert")', result: '"R163"' }, { formula: 'Soundex("Ashcraft")', result: '"A261"' }],
    evaluate: ([s]) => soundex(str(s)),
  },
  {
    name: 'Soundex_Digits', category: 'Specialized', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'The first four digits of String when it has any (fewer when it has fewer), else its Soundex code.',
    examples: [{ formula: 'Soundex_Digits("tel 555-0199")', result: '"5550"' }, { formula: 'Soundex_Digits("Robert")', result: '"R163"' }],
    evaluate: ([s]) => {
      const digits = str(s).replace(/\D/g, '');
      return digits === '' ? soundex(str(s)) : digits.slice(0, 4);
    },
  },
  {
    name: 'UrlEncode', category: 'Specialized', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'String made safe for a URL: backslashes become /, spaces and other unsafe characters %-escapes (UTF-8).',
    examples: [{ formula: 'UrlEncode("C:\\temp\\Alteryx URL Encode")', result: '"C:/temp/Alteryx%20URL%20Encode"' }],
    evaluate: ([s]) => encodeURI(str(s).replace(/\\/g, '/')),
  },
  {
    name: 'EscapeXMLMetacharacters', category: 'Specialized', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'String with the XML special characters & < > " \' written as entities.',
    examples: [{ formula: 'EscapeXMLMetacharacters("<a href=\'x\'>&</a>")', result: '"&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;"' }],
    evaluate: ([s]) => str(s).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]),
  },
  {
    name: 'GetVal', category: 'Specialized', returns: 'unify', nulls: 'accept',
    params: [{ name: 'Index', kind: 'number' }, { name: 'Value', kind: 'any', variadic: true }],
    unifies: (index) => index >= 1,
    description: 'The value at position Index (from 0) among the values after it; null when there is none.',
    examples: [{ formula: 'GetVal(1, "a", "b", "c")', result: '"b"' }, { formula: 'GetVal(5, "a", "b")', result: 'null' }],
    evaluate: ([index, ...values]) => (index === null ? null : values[Math.trunc(index as number)] ?? null),
  },
  {
    name: 'Message', category: 'Specialized', nulls: 'accept', volatile: true,
    returns: (args) => args[2].type,
    params: [{ name: 'Type', kind: 'number' }, { name: 'Text', kind: 'text' }, { name: 'Value', kind: 'any' }],
    description: 'Value, after adding Text to the tool\'s messages (as a warning, counted by rows; Type, Alteryx\'s message kind, is accepted and not used). Put it in a branch: `IF [Qty] < 0 THEN Message(2, "negative quantity", 0) ELSE [Qty] ENDIF`.',
    examples: [{ formula: 'Message(2, "checked", 42)', result: '42' }],
    evaluate: ([, text, value], context) => {
      context.warn(String(text ?? ''));
      return value;
    },
  },
];
