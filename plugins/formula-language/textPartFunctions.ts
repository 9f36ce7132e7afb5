/** Text functions that find or cut out parts of a text: by delimiter, by occurrence, by character set. */
import type { FunctionSpec } from './functionSpec.js';
import { charLength } from './textFunctions.js';
import type { Scalar } from './values.js';

const str = (value: Scalar) => value as string;
const whole = (value: Scalar) => Math.trunc(value as number);

/** how many leading characters of `s` are (or, with `inSet` false, are not) in `chars` */
function span(s: string, chars: string, inSet: boolean): number {
  const set = new Set(chars);
  let count = 0;
  for (const c of s) {
    if (set.has(c) !== inSet) break;
    count++;
  }
  return count;
}

/** compound letters that have no Unicode decomposition, spelled out for matching */
const EXPANDED: Record<string, string> = { æ: 'ae', œ: 'oe', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i' };

export const TEXT_PART_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'FindNth', category: 'Text', returns: 'int',
    params: [{ name: 'String', kind: 'text' }, { name: 'Target', kind: 'text' }, { name: 'N', kind: 'number' }],
    description: 'The position (from 0) of occurrence number N (from 1) of Target in String, or -1 when there are fewer (case-sensitive; occurrences may not overlap).',
    examples: [{ formula: 'FindNth("a-b-c-d", "-", 2)', result: '3' }, { formula: 'FindNth("a-b", "-", 2)', result: '-1' }],
    evaluate: ([s, t, n]) => {
      const text = str(s);
      const target = str(t);
      const nth = whole(n);
      if (target === '' || nth < 1) return -1;
      let at = -target.length;
      for (let k = 0; k < nth; k++) {
        at = text.indexOf(target, at + target.length);
        if (at < 0) return -1;
      }
      return charLength(text.slice(0, at));
    },
  },
  {
    name: 'GetLeft', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Delimiter', kind: 'text' }],
    description: 'The part of String before the first Delimiter; all of String when it has none.',
    examples: [{ formula: 'GetLeft("key=value=x", "=")', result: '"key"' }, { formula: 'GetLeft("plain", "=")', result: '"plain"' }],
    evaluate: ([s, d]) => {
      const at = str(d) === '' ? -1 : str(s).indexOf(str(d));
      return at < 0 ? str(s) : str(s).slice(0, at);
    },
  },
  {
    name: 'GetRight', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Delimiter', kind: 'text' }],
    description: 'The part of String after the first Delimiter; all of String when it has none.',
    examples: [{ formula: 'GetRight("key=value=x", "=")', result: '"value=x"' }],
    evaluate: ([s, d]) => {
      const at = str(d) === '' ? -1 : str(s).indexOf(str(d));
      return at < 0 ? str(s) : str(s).slice(at + str(d).length);
    },
  },
  {
    name: 'GetPart', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Delimiter', kind: 'text' }, { name: 'Index', kind: 'number' }],
    description: 'Part number Index (from 0) of String split at every Delimiter; null when there are fewer parts.',
    examples: [{ formula: 'GetPart("a,b,,d", ",", 3)', result: '"d"' }, { formula: 'GetPart("a,b", ",", 5)', result: 'null' }],
    evaluate: ([s, d, i]) => {
      const parts = str(d) === '' ? [str(s)] : str(s).split(str(d));
      return parts[whole(i)] ?? null;
    },
  },
  {
    name: 'STRSPN', category: 'Text', returns: 'int',
    params: [{ name: 'String', kind: 'text' }, { name: 'Chars', kind: 'text' }],
    description: 'How many characters at the start of String are all in Chars.',
    examples: [{ formula: 'STRSPN("3034408896x105", "0123456789")', result: '10' }],
    evaluate: ([s, chars]) => span(str(s), str(chars), true),
  },
  {
    name: 'STRCSPN', category: 'Text', returns: 'int',
    params: [{ name: 'String', kind: 'text' }, { name: 'Chars', kind: 'text' }],
    description: 'How many characters at the start of String are none of Chars (the position of the first that is).',
    examples: [{ formula: 'STRCSPN("Bob\'s Store", "\'s")', result: '3' }],
    evaluate: ([s, chars]) => span(str(s), str(chars), false),
  },
  {
    name: 'StripQuotes', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'String without a matched pair of quotes (" or \') around it; unchanged otherwise.',
    examples: [{ formula: 'StripQuotes(\'"Hello"\')', result: '"Hello"' }, { formula: 'StripQuotes("\'it\'s")', result: '"\'it\'s"' }],
    evaluate: ([s]) => {
      const text = str(s);
      const q = text[0];
      return text.length >= 2 && (q === '"' || q === "'") && text[text.length - 1] === q ? text.slice(1, -1) : text;
    },
  },
  {
    name: 'DecomposeUnicodeForMatch', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'String in lower case without accents, compound letters spelled out (æ → ae, ß → ss), for matching.',
    examples: [{ formula: 'DecomposeUnicodeForMatch("Crème Brûlée Æble")', result: '"creme brulee aeble"' }],
    evaluate: ([s]) => str(s).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[æœßøđłþðı]/g, (c) => EXPANDED[c]),
  },
];
