/**
 * Splits formula text into tokens. Keywords are not told apart here: an identifier's meaning
 * (keyword, function name or bare field name) depends on where the parser meets it.
 */
import { spanOf, type FormulaError } from './formulaError.js';

export type TokenKind = 'number' | 'string' | 'field' | 'ident' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** the decoded value: number text, string contents, field name, identifier, operator */
  text: string;
  start: number;
  end: number;
}

const OPERATORS = ['==', '!=', '<>', '<=', '>=', '&&', '||', '+', '-', '*', '/', '%', '=', '<', '>', '!', '(', ')', ','];

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: FormulaError };

function isIdentStart(ch: string): boolean {
  return /[\p{L}_]/u.test(ch);
}

function isIdentPart(ch: string): boolean {
  return /[\p{L}\p{N}_]/u.test(ch);
}

export function tokenize(text: string): LexResult {
  const tokens: Token[] = [];
  const fail = (message: string, start: number, end: number): LexResult => ({
    ok: false,
    error: { kind: 'syntax', message, span: spanOf(text, start, end) },
  });
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return fail('Comment opened with /* is never closed with */', i, i + 2);
      i = close + 2;
      continue;
    }
    const start = i;
    if (ch === '"' || ch === "'") {
      // Alteryx strings have no backslash escapes (regex patterns stay readable); a doubled quote
      // stands for one quote character.
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) return fail(`String starting here is never closed with ${ch}`, start, start + 1);
        if (text[i] === ch) {
          if (text[i + 1] === ch) {
            value += ch;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ kind: 'string', text: value, start, end: i });
      continue;
    }
    if (ch === '[') {
      const close = text.indexOf(']', i + 1);
      const newline = text.indexOf('\n', i + 1);
      if (close < 0 || (newline >= 0 && newline < close)) return fail('Field name starting here is never closed with ]', start, start + 1);
      const name = text.slice(i + 1, close);
      if (name.trim() === '') return fail('Empty field name []', start, close + 1);
      i = close + 1;
      tokens.push({ kind: 'field', text: name, start, end: i });
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i));
      const raw = match ? match[0] : ch;
      i += raw.length;
      if (i < text.length && isIdentPart(text[i])) {
        let j = i;
        while (j < text.length && isIdentPart(text[j])) j++;
        return fail(`Malformed number ${text.slice(start, j)}`, start, j);
      }
      tokens.push({ kind: 'number', text: raw, start, end: i });
      continue;
    }
    if (isIdentStart(ch)) {
      while (i < text.length && isIdentPart(text[i])) i++;
      tokens.push({ kind: 'ident', text: text.slice(start, i), start, end: i });
      continue;
    }
    const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
    if (op === undefined) {
      const shown = String.fromCodePoint(text.codePointAt(i) ?? 0);
      return fail(`Unexpected character ${JSON.stringify(shown)}`, start, start + shown.length);
    }
    i += op.length;
    tokens.push({ kind: 'op', text: op, start, end: i });
  }
  tokens.push({ kind: 'eof', text: '', start: text.length, end: text.length });
  return { ok: true, tokens };
}
