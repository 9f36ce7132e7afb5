/**
 * Syntax colouring of the formula language: a CodeMirror stream tokenizer that follows the
 * language's lexer (fields in brackets, strings in either quote with doubled quotes inside,
 * // and /* comments, numbers, keywords, function names before a parenthesis).
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StreamParser, type StringStream } from '@codemirror/language';
import { tags } from '@lezer/highlight';

export const FORMULA_KEYWORDS = ['AND', 'OR', 'NOT', 'IN', 'IF', 'THEN', 'ELSEIF', 'ELSE', 'ENDIF', 'TRUE', 'FALSE', 'NULL'];
const KEYWORDS = new Set(FORMULA_KEYWORDS);
const ATOMS = new Set(['TRUE', 'FALSE', 'NULL']);

interface FormulaState {
  inComment: boolean;
}

function readString(stream: StringStream, quote: string): void {
  while (!stream.eol()) {
    if (stream.next() === quote) {
      if (stream.peek() === quote) stream.next();
      else return;
    }
  }
}

export const formulaStreamParser: StreamParser<FormulaState> = {
  name: 'weft-formula',
  startState: () => ({ inComment: false }),
  token(stream, state) {
    if (state.inComment) {
      if (stream.skipTo('*/')) {
        stream.pos += 2;
        state.inComment = false;
      } else stream.skipToEnd();
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      state.inComment = true;
      return 'comment';
    }
    const ch = stream.peek()!;
    if (ch === '"' || ch === "'") {
      stream.next();
      readString(stream, ch);
      return 'string';
    }
    if (ch === '[') {
      if (stream.match(/^\[[^\]\n]*\]?/)) return 'variableName';
    }
    if (stream.match(/^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/)) return 'number';
    if (stream.match(/^[\p{L}_][\p{L}\p{N}_]*/u)) {
      const word = stream.current().toUpperCase();
      if (ATOMS.has(word)) return 'atom';
      if (KEYWORDS.has(word)) return 'keyword';
      if (stream.match(/^\s*\(/, false)) return 'function';
      return 'variableName';
    }
    stream.next();
    return /[()]/.test(ch) ? 'paren' : 'operator';
  },
  tokenTable: { function: tags.function(tags.variableName), paren: tags.paren },
  // `[` is not closed automatically: completing a field inserts the whole `[name]`
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } }, closeBrackets: { brackets: ['(', '"', "'"] } },
};

export const formulaLanguage = StreamLanguage.define(formulaStreamParser);

/** colours through CSS classes (styles/expression.css), so light and dark themes both apply */
const formulaHighlight = HighlightStyle.define([
  { tag: tags.keyword, class: 'fx-keyword' },
  { tag: tags.atom, class: 'fx-atom' },
  { tag: tags.string, class: 'fx-string' },
  { tag: tags.number, class: 'fx-number' },
  { tag: tags.comment, class: 'fx-comment' },
  { tag: tags.function(tags.variableName), class: 'fx-function' },
  { tag: tags.variableName, class: 'fx-field' },
  { tag: tags.operator, class: 'fx-operator' },
]);

export const formulaSyntax = [formulaLanguage, syntaxHighlighting(formulaHighlight)];
