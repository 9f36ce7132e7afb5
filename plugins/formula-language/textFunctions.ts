/** Text functions. Lengths and positions count Unicode characters (code points), positions from 0. */
import type { FunctionSpec } from './functionSpec.js';
import type { CallContext } from './functionSpec.js';
import { compileRegex, RegexLimitError, type Regex } from './regex.js';
import type { Scalar } from './values.js';

const SURROGATE = /[\uD800-\uDFFF]/;

/** The characters of `s` when it has any outside the BMP, else null (plain indexing is then right). */
function wide(s: string): string[] | null {
  return SURROGATE.test(s) ? [...s] : null;
}

export function charLength(s: string): number {
  const w = wide(s);
  return w === null ? s.length : w.length;
}

export function charSlice(s: string, start: number, end?: number): string {
  const w = wide(s);
  return w === null ? s.slice(start, end) : w.slice(start, end).join('');
}

const whole = (value: Scalar) => Math.trunc(value as number);
const str = (value: Scalar) => value as string;

function fold(s: string, insensitive: boolean): string {
  return insensitive ? s.toLowerCase() : s;
}

const WHITESPACE = ' \t\r\n\f\v\u00a0';

function trimChars(s: string, chars: string, left: boolean, right: boolean): string {
  const set = new Set(chars);
  const cs = [...s];
  let a = 0;
  let b = cs.length;
  if (left) while (a < b && set.has(cs[a])) a++;
  if (right) while (b > a && set.has(cs[b - 1])) b--;
  return cs.slice(a, b).join('');
}

function pad(s: string, length: number, fill: string, left: boolean): string {
  const have = charLength(s);
  if (have >= length || fill === '') return s;
  const unit = [...fill][0];
  const padding = unit.repeat(length - have);
  return left ? padding + s : s + padding;
}

/** The type checker rejects a constant pattern that is not valid, at the pattern. */
function regexResult(type: 'bool' | 'int' | 'string'): FunctionSpec['returns'] {
  return (args) => {
    const pattern = args[1];
    if (pattern.constant && typeof pattern.value === 'string') {
      const compiled = compileRegex(pattern.value);
      if (!compiled.ok) return { error: `invalid regular expression: ${compiled.error}`, arg: 1 };
    }
    return type;
  };
}

/** `use(regex)` for a valid pattern; null with a warning for an invalid one or a search past the step limit */
function withRegex<T>(pattern: Scalar, caseInsensitive: Scalar | undefined, context: CallContext, use: (regex: Regex) => T): T | null {
  const compiled = compileRegex(pattern as string, { caseInsensitive: caseInsensitive === true });
  if (!compiled.ok) {
    context.warn(`invalid regular expression ${JSON.stringify(pattern)}: ${compiled.error}`);
    return null;
  }
  try {
    return use(compiled.regex);
  } catch (error) {
    if (!(error instanceof RegexLimitError)) throw error;
    context.warn(`the pattern ${JSON.stringify(pattern)} stopped after ${error.message} (backreferences and lookaround are matched by backtracking, which is limited): simplify the pattern`);
    return null;
  }
}

const caseFlag = { name: 'CaseInsensitive', kind: 'flag', optional: true } as const;

export const TEXT_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'Contains', category: 'Text', returns: 'bool',
    params: [{ name: 'String', kind: 'text' }, { name: 'Target', kind: 'text' }, caseFlag],
    description: 'True when String contains Target. Case-insensitive unless the third argument is 0 (as in Alteryx).',
    examples: [{ formula: 'Contains("Weft Designer", "design")', result: 'true' }, { formula: 'Contains("Weft Designer", "design", 0)', result: 'false' }],
    evaluate: ([s, t, ci]) => fold(str(s), ci !== false).includes(fold(str(t), ci !== false)),
  },
  {
    name: 'StartsWith', category: 'Text', returns: 'bool',
    params: [{ name: 'String', kind: 'text' }, { name: 'Target', kind: 'text' }, caseFlag],
    description: 'True when String starts with Target. Case-insensitive unless the third argument is 0.',
    examples: [{ formula: 'StartsWith("Weft", "we")', result: 'true' }],
    evaluate: ([s, t, ci]) => fold(str(s), ci !== false).startsWith(fold(str(t), ci !== false)),
  },
  {
    name: 'EndsWith', category: 'Text', returns: 'bool',
    params: [{ name: 'String', kind: 'text' }, { name: 'Target', kind: 'text' }, caseFlag],
    description: 'True when String ends with Target. Case-insensitive unless the third argument is 0.',
    examples: [{ formula: 'EndsWith("report.CSV", ".csv")', result: 'true' }],
    evaluate: ([s, t, ci]) => fold(str(s), ci !== false).endsWith(fold(str(t), ci !== false)),
  },
  {
    name: 'Left', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Length', kind: 'number' }],
    description: 'The first Length characters of String.',
    examples: [{ formula: 'Left("Weft", 2)', result: '"We"' }],
    evaluate: ([s, n]) => charSlice(str(s), 0, Math.max(0, whole(n))),
  },
  {
    name: 'Right', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Length', kind: 'number' }],
    description: 'The last Length characters of String.',
    examples: [{ formula: 'Right("Weft", 2)', result: '"ft"' }],
    evaluate: ([s, n]) => {
      const count = Math.max(0, whole(n));
      return count === 0 ? '' : charSlice(str(s), -count);
    },
  },
  {
    name: 'Substring', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Start', kind: 'number' }, { name: 'Length', kind: 'number', optional: true }],
    description: 'Length characters of String from position Start (0 is the first character); to the end when Length is left out.',
    examples: [{ formula: 'Substring("Designer", 2, 3)', result: '"sig"' }, { formula: 'Substring("Designer", 6)', result: '"er"' }],
    evaluate: ([s, start, length]) => {
      const from = Math.max(0, whole(start));
      return length === undefined ? charSlice(str(s), from) : charSlice(str(s), from, from + Math.max(0, whole(length)));
    },
  },
  {
    name: 'Trim', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Chars', kind: 'text', optional: true }],
    description: 'String without leading and trailing whitespace, or without the characters in Chars.',
    examples: [{ formula: 'Trim("  weft  ")', result: '"weft"' }, { formula: 'Trim("xxweftx", "x")', result: '"weft"' }],
    evaluate: ([s, chars]) => trimChars(str(s), chars === undefined ? WHITESPACE : str(chars), true, true),
  },
  {
    name: 'TrimLeft', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Chars', kind: 'text', optional: true }],
    description: 'String without leading whitespace (or leading characters from Chars).',
    examples: [{ formula: 'TrimLeft("  weft  ")', result: '"weft  "' }],
    evaluate: ([s, chars]) => trimChars(str(s), chars === undefined ? WHITESPACE : str(chars), true, false),
  },
  {
    name: 'TrimRight', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Chars', kind: 'text', optional: true }],
    description: 'String without trailing whitespace (or trailing characters from Chars).',
    examples: [{ formula: 'TrimRight("  weft  ")', result: '"  weft"' }, { formula: 'TrimRight("12.500", "0")', result: '"12.5"' }],
    evaluate: ([s, chars]) => trimChars(str(s), chars === undefined ? WHITESPACE : str(chars), false, true),
  },
  {
    name: 'Upper', aliases: ['Uppercase'], category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'String in upper case.',
    examples: [{ formula: 'Upper("straße")', result: '"STRASSE"' }],
    evaluate: ([s]) => str(s).toUpperCase(),
  },
  {
    name: 'Lower', aliases: ['Lowercase'], category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'String in lower case.',
    examples: [{ formula: 'Lower("WEFT")', result: '"weft"' }],
    evaluate: ([s]) => str(s).toLowerCase(),
  },
  {
    name: 'TitleCase', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'Each word with its first letter in upper case and the rest in lower case.',
    examples: [{ formula: 'TitleCase("hello wORLD")', result: '"Hello World"' }],
    evaluate: ([s]) => str(s).toLowerCase().replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()),
  },
  {
    name: 'Length', category: 'Text', returns: 'int',
    params: [{ name: 'String', kind: 'text' }],
    description: 'The number of characters in String.',
    examples: [{ formula: 'Length("Weft")', result: '4' }, { formula: 'Length("日本😀")', result: '3' }],
    evaluate: ([s]) => charLength(str(s)),
  },
  {
    name: 'Replace', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Target', kind: 'text' }, { name: 'Replacement', kind: 'text' }],
    description: 'String with every occurrence of Target replaced by Replacement (case-sensitive).',
    examples: [{ formula: 'Replace("a-b-c", "-", "+")', result: '"a+b+c"' }],
    evaluate: ([s, t, r]) => (str(t) === '' ? str(s) : str(s).split(str(t)).join(str(r))),
  },
  {
    name: 'ReplaceFirst', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Target', kind: 'text' }, { name: 'Replacement', kind: 'text' }],
    description: 'String with the first occurrence of Target replaced by Replacement.',
    examples: [{ formula: 'ReplaceFirst("a-b-c", "-", "+")', result: '"a+b-c"' }],
    evaluate: ([s, t, r]) => {
      const at = str(s).indexOf(str(t));
      return at < 0 || str(t) === '' ? str(s) : str(s).slice(0, at) + str(r) + str(s).slice(at + str(t).length);
    },
  },
  {
    name: 'ReplaceChar', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Chars', kind: 'text' }, { name: 'Replacement', kind: 'text' }],
    description: 'String with every character that appears in Chars replaced by Replacement.',
    examples: [{ formula: 'ReplaceChar("a,b;c", ",;", " ")', result: '"a b c"' }],
    evaluate: ([s, chars, r]) => {
      const set = new Set(str(chars));
      return [...str(s)].map((c) => (set.has(c) ? str(r) : c)).join('');
    },
  },
  {
    name: 'FindString', category: 'Text', returns: 'int',
    params: [{ name: 'String', kind: 'text' }, { name: 'Target', kind: 'text' }],
    description: 'The position (from 0) of the first occurrence of Target in String, or -1 (case-sensitive).',
    examples: [{ formula: 'FindString("Designer", "sign")', result: '2' }, { formula: 'FindString("Designer", "x")', result: '-1' }],
    evaluate: ([s, t]) => {
      const at = str(s).indexOf(str(t));
      return at < 0 ? -1 : charLength(str(s).slice(0, at));
    },
  },
  {
    name: 'PadLeft', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Length', kind: 'number' }, { name: 'Char', kind: 'text', optional: true }],
    description: 'String padded on the left with Char (default a space) to Length characters.',
    examples: [{ formula: 'PadLeft("42", 5, "0")', result: '"00042"' }],
    evaluate: ([s, n, c]) => pad(str(s), whole(n), c === undefined ? ' ' : str(c), true),
  },
  {
    name: 'PadRight', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'Length', kind: 'number' }, { name: 'Char', kind: 'text', optional: true }],
    description: 'String padded on the right with Char (default a space) to Length characters.',
    examples: [{ formula: 'PadRight("ab", 4, ".")', result: '"ab.."' }],
    evaluate: ([s, n, c]) => pad(str(s), whole(n), c === undefined ? ' ' : str(c), false),
  },
  {
    name: 'ReverseString', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }],
    description: 'String with its characters in reverse order.',
    examples: [{ formula: 'ReverseString("abc😀")', result: '"😀cba"' }],
    evaluate: ([s]) => [...str(s)].reverse().join(''),
  },
  {
    name: 'CountWords', category: 'Text', returns: 'int',
    params: [{ name: 'String', kind: 'text' }],
    description: 'The number of words (runs of non-whitespace) in String.',
    examples: [{ formula: 'CountWords(" one two  three ")', result: '3' }],
    evaluate: ([s]) => str(s).split(/\s+/u).filter((w) => w !== '').length,
  },
  {
    name: 'GetWord', category: 'Text', returns: 'string',
    params: [{ name: 'String', kind: 'text' }, { name: 'N', kind: 'number' }],
    description: 'Word number N (from 0) of String; null when there are fewer words.',
    examples: [{ formula: 'GetWord("one two three", 1)', result: '"two"' }],
    evaluate: ([s, n]) => str(s).split(/\s+/u).filter((w) => w !== '')[whole(n)] ?? null,
  },
  {
    name: 'CharToInt', category: 'Text', returns: 'int',
    params: [{ name: 'Char', kind: 'text' }],
    description: 'The Unicode code point of the first character.',
    examples: [{ formula: 'CharToInt("A")', result: '65' }],
    evaluate: ([s]) => str(s).codePointAt(0) ?? null,
  },
  {
    name: 'CharFromInt', category: 'Text', returns: 'string',
    params: [{ name: 'CodePoint', kind: 'number' }],
    description: 'The character with this Unicode code point.',
    examples: [{ formula: 'CharFromInt(233)', result: '"é"' }],
    evaluate: ([n]) => {
      const code = whole(n);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
    },
  },
  {
    name: 'RegexMatch', aliases: ['REGEX_Match'], category: 'Text', returns: regexResult('bool'),
    params: [{ name: 'String', kind: 'text' }, { name: 'Pattern', kind: 'text' }, caseFlag],
    description: 'True when the whole of String matches the regular expression Pattern (as Alteryx\'s REGEX_Match). Case-sensitive unless the third argument is 1.',
    examples: [
      { formula: 'RegexMatch("AB-123", "[A-Z]+-\\d+")', result: 'true' }, { formula: 'RegexMatch("x AB-123", "[A-Z]+-\\d+")', result: 'false' },
      { formula: 'RegexMatch("Weft2026", "[[:alpha:]]+[[:digit:]]{4}")', result: 'true' }, { formula: 'RegexMatch("abcabc", "(abc)\\1")', result: 'true' },
    ],
    evaluate: ([s, p, ci], context) => withRegex(p, ci, context, (regex) => regex.matchesWhole(str(s))),
  },
  {
    name: 'RegexReplace', aliases: ['REGEX_Replace'], category: 'Text', returns: regexResult('string'),
    params: [{ name: 'String', kind: 'text' }, { name: 'Pattern', kind: 'text' }, { name: 'Replacement', kind: 'text' }, caseFlag],
    description: 'String with every match of Pattern replaced by Replacement: `$1` or `\\1` inserts group 1, `${name}` a named group, `$0` the match; `\\u` / `\\l` change the case of the next character, `\\U` … `\\E` / `\\L` … `\\E` of the text between.',
    examples: [
      { formula: 'RegexReplace("2026-11-21", "(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1")', result: '"21/11/2026"' },
      { formula: 'RegexReplace("john SMITH", "(\\w+) (\\w+)", "\\u$1 \\u\\L$2")', result: '"John Smith"' },
      { formula: 'RegexReplace("aa bb cd", "(\\w)\\1", "<\\1\\1>")', result: '"<aa> <bb> cd"' },
    ],
    evaluate: ([s, p, r, ci], context) => withRegex(p, ci, context, (regex) => regex.replace(str(s), str(r))),
  },
  {
    name: 'RegexCountMatches', aliases: ['REGEX_CountMatches'], category: 'Text', returns: regexResult('int'),
    params: [{ name: 'String', kind: 'text' }, { name: 'Pattern', kind: 'text' }, caseFlag],
    description: 'The number of non-overlapping matches of Pattern in String.',
    examples: [{ formula: 'RegexCountMatches("a1b22c333", "\\d+")', result: '3' }],
    evaluate: ([s, p, ci], context) => withRegex(p, ci, context, (regex) => regex.findAll(str(s)).length),
  },
];
