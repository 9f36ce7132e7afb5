/**
 * Perl-style patterns as Alteryx users write them (Boost regex syntax), rewritten for the two
 * engines: RE2 takes most of it as it is (POSIX classes, `(?<name>…)`, `\A`, `\z`); the
 * backtracking engine parses JavaScript syntax, so POSIX classes, `\A`/`\z`/`\Z`, `(?P<name>…)`
 * and escaped punctuation are spelled out for it.
 */

const POSIX: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\t\\n\\v\\f\\r ',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~', word: '\\w',
};
const NEGATED_POSIX: Record<string, string> = { digit: '\\D', space: '\\S', word: '\\W' };

/** the pattern for RE2: only what RE2 spells differently */
export function re2Syntax(pattern: string): string {
  return pattern.replace(/\\(\\|Z)/g, (all, ch: string) => (ch === 'Z' ? '\\z' : all));
}

/** whether the pattern uses what only the backtracking engine runs */
export function needsBacktracking(pattern: string): boolean {
  return /\\[1-9]|\\k<|\(\?P=|\(\?<?[=!]/.test(pattern.replace(/\\\\/g, ''));
}

const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/-');

/** the pattern in JavaScript (`u` mode) syntax for the backtracking engine; throws for a POSIX class it cannot spell */
export function javaScriptSyntax(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (inClass && pattern.startsWith('[:', i)) {
      const close = pattern.indexOf(':]', i + 2);
      const name = close > 0 ? pattern.slice(i + 2, close) : '';
      const negated = name.startsWith('^');
      const set = negated ? NEGATED_POSIX[name.slice(1)] : POSIX[name];
      if (close > 0 && set === undefined) throw new SyntaxError(`unknown POSIX class [:${name}:]`);
      if (set !== undefined) {
        out += set;
        i = close + 1;
        continue;
      }
    }
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[i + 1];
      i++;
      if (next === 'A' && !inClass) out += '^';
      else if ((next === 'z' || next === 'Z') && !inClass) out += '$';
      else if (next === 'x' && pattern[i + 1] === '{') {
        const close = pattern.indexOf('}', i);
        out += `\\u{${pattern.slice(i + 2, close)}}`;
        i = close;
      } else if (/[A-Za-z0-9]/.test(next) || JS_SYNTAX.has(next)) out += `\\${next}`;
      else out += next; // Perl lets any punctuation be escaped; JavaScript's u mode does not
      continue;
    }
    if (!inClass && pattern.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
      continue;
    }
    if (!inClass && pattern.startsWith('(?P=', i)) {
      const close = pattern.indexOf(')', i);
      out += `\\k<${pattern.slice(i + 4, close)}>`;
      i = close;
      continue;
    }
    if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') { out += '\\]'; i++; }
      continue;
    }
    if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}
