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

export function splitText(text: string, options: SplitOptions): SplitParts {
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
