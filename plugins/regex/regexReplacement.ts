/**
 * Replacement text in the Perl style Alteryx's RegEx tool accepts: `$1` or `\1` or `${1}` a marked
 * group, `${name}` a named group, `$&` or `$0` the whole match, `` $` `` and `$'` the text before
 * and after it, `$$` a dollar sign; `\t`, `\n`, `\r` and `\\` escapes; `\u`/`\l` change the case
 * of the next character, `\U`/`\L` of everything up to `\E`. A group that did not take part in the
 * match inserts nothing.
 */
import type { MatchSpan } from './regexEngine.js';

type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'group'; group: number }
  | { kind: 'before' } | { kind: 'after' }
  | { kind: 'case'; mode: 'u' | 'l' | 'U' | 'L' | 'E' };

export interface Replacement {
  /** the replacement for one match of `text` */
  render(span: MatchSpan, text: string): string;
}

const ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', '\\': '\\', $: '$' };

/** parses `template`; an error names a group the pattern does not have */
export function compileReplacement(template: string, groupNames: (string | null)[]): Replacement | { error: string } {
  const groupCount = groupNames.length - 1;
  const pieces: Piece[] = [];
  let literal = '';
  const flush = () => { if (literal) pieces.push({ kind: 'text', text: literal }); literal = ''; };
  // as many digits as still name an existing group (so with 2 groups "$12" is group 1, then "2")
  const digitsAt = (at: number): { group: number; length: number } | null => {
    let length = 0;
    let group = -1;
    while (at + length < template.length && /\d/.test(template[at + length])) {
      const n = Number(template.slice(at, at + length + 1));
      if (n > groupCount && length > 0) break;
      group = n;
      length++;
    }
    return length === 0 ? null : { group, length };
  };
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    const next = template[i + 1];
    if (ch === '$' && next !== undefined) {
      if (next === '$') { literal += '$'; i++; continue; }
      if (next === '&') { flush(); pieces.push({ kind: 'group', group: 0 }); i++; continue; }
      if (next === '`') { flush(); pieces.push({ kind: 'before' }); i++; continue; }
      if (next === "'") { flush(); pieces.push({ kind: 'after' }); i++; continue; }
      if (next === '{') {
        const close = template.indexOf('}', i + 2);
        if (close < 0) return { error: `replacement: "\${" at ${i + 1} is not closed with "}"` };
        const name = template.slice(i + 2, close);
        const group = /^\d+$/.test(name) ? Number(name) : groupNames.indexOf(name);
        if (group < 0 || group > groupCount) return { error: `replacement: the expression has no group ${JSON.stringify(name)}` };
        flush(); pieces.push({ kind: 'group', group }); i = close; continue;
      }
      const digits = digitsAt(i + 1);
      if (digits) {
        if (digits.group > groupCount) return { error: `replacement: the expression has no group ${digits.group} (it has ${groupCount})` };
        flush(); pieces.push({ kind: 'group', group: digits.group }); i += digits.length; continue;
      }
    }
    if (ch === '\\' && next !== undefined) {
      if ('uUlLE'.includes(next)) { flush(); pieces.push({ kind: 'case', mode: next as 'u' }); i++; continue; }
      if (ESCAPES[next] !== undefined) { literal += ESCAPES[next]; i++; continue; }
      const digits = digitsAt(i + 1);
      if (digits) {
        if (digits.group > groupCount) return { error: `replacement: the expression has no group ${digits.group} (it has ${groupCount})` };
        flush(); pieces.push({ kind: 'group', group: digits.group }); i += digits.length; continue;
      }
    }
    literal += ch;
  }
  flush();
  const hasCase = pieces.some((p) => p.kind === 'case');
  return {
    render(span, text) {
      let out = '';
      let one: 'u' | 'l' | null = null;
      let all: 'U' | 'L' | null = null;
      const add = (s: string) => {
        if (!hasCase || s === '') { out += s; return; }
        let t = all === 'U' ? s.toUpperCase() : all === 'L' ? s.toLowerCase() : s;
        if (one) {
          const first = String.fromCodePoint(t.codePointAt(0)!);
          t = (one === 'u' ? first.toUpperCase() : first.toLowerCase()) + t.slice(first.length);
          one = null;
        }
        out += t;
      };
      for (const piece of pieces) {
        switch (piece.kind) {
          case 'text': add(piece.text); break;
          case 'group': add(span.groups[piece.group] ?? ''); break;
          case 'before': add(text.slice(0, span.start)); break;
          case 'after': add(text.slice(span.end)); break;
          case 'case':
            if (piece.mode === 'u' || piece.mode === 'l') one = piece.mode;
            else all = piece.mode === 'E' ? null : piece.mode;
        }
      }
      return out;
    },
  };
}
