/** A place in the formula text: 0-based offset, 1-based line and column. */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

/** A span of formula text, `end` exclusive. */
export interface SourceSpan {
  start: SourcePosition;
  end: SourcePosition;
}

/** A syntax or type error in a formula, always with the place it refers to. */
export interface FormulaError {
  kind: 'syntax' | 'type';
  message: string;
  span: SourceSpan;
}

/** `line 1, column 7: Unknown field [Pric]` — how tools show a formula error. */
export function formatFormulaError(error: FormulaError): string {
  return `line ${error.span.start.line}, column ${error.span.start.column}: ${error.message}`;
}

/** The position of `offset` in `text`. */
export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

export function spanOf(text: string, start: number, end: number): SourceSpan {
  return { start: positionAt(text, start), end: positionAt(text, end) };
}
