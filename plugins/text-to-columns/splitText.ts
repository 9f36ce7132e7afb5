/**
 * Splitting one text at delimiter characters, as Alteryx's Text To Columns does: every character of
 * the delimiter list is a delimiter on its own; a delimiter inside quotes, single quotes,
 * parentheses or brackets can be ignored (the quotes or brackets stay in the text).
 */

export interface SplitOptions {
  /** the delimiter characters (code points), escapes already decoded */
  delimiters: ReadonlySet<string>;
  ignoreInQuotes: boolean;
  ignoreInSingleQuotes: boolean;
  ignoreInParentheses: boolean;
  ignoreInBrackets: boolean;
  /** drop empty parts (consecutive delimiters count as one) */
  skipEmpty: boolean;
}

export interface SplitParts {
  parts: string[];
  /** where each part starts in the text, so "leave extra in last column" can take the rest */
  starts: number[];
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', s: ' ', '\\': '\\' };

/** the delimiter characters of Alteryx's delimiter text: `\t` tab, `\n` new line, `\r`, `\s` space, `\\` */
export function decodeDelimiters(text: string): Set<string> {
  const out = new Set<string>();
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\\' && i + 1 < chars.length && ESCAPES[chars[i + 1]] !== undefined) out.add(ESCAPES[chars[++i]]);
    else out.add(chars[i]);
  }
  return out;
}

const SPECIAL = /[\\\]^-]/g;
const splitters = new WeakMap<ReadonlySet<string>, RegExp>();

/** a character class of the delimiters, for the engine's native split (a class cannot backtrack) */
function splitterOf(delimiters: ReadonlySet<string>): RegExp {
  let re = splitters.get(delimiters);
  if (!re) {
    re = new RegExp(`[${[...delimiters].map((d) => d.replace(SPECIAL, (c) => `\\${c}`)).join('')}]`, 'u');
    splitters.set(delimiters, re);
  }
  return re;
}

/** where each part starts: after each part comes one delimiter (one or two UTF-16 units) */
function startsOf(text: string, parts: string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const part of parts) {
    starts.push(at);
    at += part.length;
    at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  }
  return starts;
}

export function splitText(text: string, options: SplitOptions): SplitParts {
  const shielding = options.ignoreInQuotes || options.ignoreInSingleQuotes || options.ignoreInParentheses || options.ignoreInBrackets;
  if (!shielding) {
    // the common case: the native split is several times faster than the loop below
    const all = text.split(splitterOf(options.delimiters));
    const starts = startsOf(text, all);
    if (!options.skipEmpty) return { parts: all, starts };
    const kept: SplitParts = { parts: [], starts: [] };
    all.forEach((part, i) => { if (part !== '') { kept.parts.push(part); kept.starts.push(starts[i]); } });
    return kept;
  }
  return splitShielded(text, options);
}

/** the split when delimiters inside quotes or brackets do not count */
function splitShielded(text: string, options: SplitOptions): SplitParts {
  const parts: string[] = [];
  const starts: number[] = [];
  let inQuote = false;
  let inSingle = false;
  let parens = 0;
  let brackets = 0;
  let start = 0;
  const push = (end: number) => {
    if (!options.skipEmpty || end > start) { parts.push(text.slice(start, end)); starts.push(start); }
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const char = wide ? text.slice(i, i + 2) : ch;
    const shielded = inQuote || inSingle || parens > 0 || brackets > 0;
    if (!shielded && options.delimiters.has(char)) {
      push(i);
      start = i + char.length;
    } else if (options.ignoreInQuotes && ch === '"' && !inSingle) inQuote = !inQuote;
    else if (options.ignoreInSingleQuotes && ch === "'" && !inQuote) inSingle = !inSingle;
    else if (!inQuote && !inSingle) {
      if (options.ignoreInParentheses && ch === '(') parens++;
      else if (options.ignoreInParentheses && ch === ')' && parens > 0) parens--;
      else if (options.ignoreInBrackets && ch === '[') brackets++;
      else if (options.ignoreInBrackets && ch === ']' && brackets > 0) brackets--;
    }
    if (wide) i++;
  }
  push(text.length);
  return { parts, starts };
}
