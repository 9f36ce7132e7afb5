/**
 * Replacement text as Alteryx (Boost's Perl format) reads it: `$1` / `\1` / `${name}` insert a
 * group, `$&` / `$0` the whole match, `\u` / `\l` change the case of the next character,
 * `\U` … `\E` / `\L` … `\E` of everything between; `$$` and `\\` are a literal `$` and `\`.
 */

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'group'; ref: number | string }
  | { kind: 'case'; op: 'u' | 'l' | 'U' | 'L' | 'E' };

const ESCAPED: Record<string, string> = { n: '\n', t: '\t', r: '\r', $: '$', '\\': '\\' };

export function parseReplacement(replacement: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    const next = replacement[i + 1];
    if (ch === '$' && next !== undefined) {
      const braced = next === '{' ? /^\{(\w+)\}/.exec(replacement.slice(i + 1)) : null;
      const digits = /^\d{1,2}/.exec(replacement.slice(i + 1));
      if (next === '$') { text += '$'; i++; continue; }
      if (next === '&') { flush(); parts.push({ kind: 'group', ref: 0 }); i++; continue; }
      if (braced !== null) { flush(); parts.push({ kind: 'group', ref: /^\d+$/.test(braced[1]) ? Number(braced[1]) : braced[1] }); i += braced[0].length; continue; }
      if (digits !== null) { flush(); parts.push({ kind: 'group', ref: Number(digits[0]) }); i += digits[0].length; continue; }
    }
    if (ch === '\\' && next !== undefined) {
      i++;
      if (/\d/.test(next)) { flush(); parts.push({ kind: 'group', ref: Number(next) }); continue; }
      if ('ulULE'.includes(next)) { flush(); parts.push({ kind: 'case', op: next as 'u' }); continue; }
      text += ESCAPED[next] ?? next;
      continue;
    }
    text += ch;
  }
  flush();
  return parts;
}

/** the replacement for one match: `group(ref)` gives a group's text ('' when it took no part) */
export function expandReplacement(parts: Part[], group: (ref: number | string) => string): string {
  let out = '';
  let span: 'U' | 'L' | null = null;
  let once: 'u' | 'l' | null = null;
  const emit = (text: string) => {
    let t = span === 'U' ? text.toUpperCase() : span === 'L' ? text.toLowerCase() : text;
    if (once !== null && t !== '') {
      const first = String.fromCodePoint(t.codePointAt(0)!);
      t = (once === 'u' ? first.toUpperCase() : first.toLowerCase()) + t.slice(first.length);
      once = null;
    }
    out += t;
  };
  for (const part of parts) {
    if (part.kind === 'text') emit(part.text);
    else if (part.kind === 'group') emit(group(part.ref));
    else if (part.op === 'u' || part.op === 'l') once = part.op;
    else span = part.op === 'E' ? null : part.op;
  }
  return out;
}
