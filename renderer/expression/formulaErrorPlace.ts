/**
 * Where a tool's formula error points in the text of one editor. Tools report errors as text:
 * the Filter as `Condition: line 1, column 7: Unknown field [Pric]`, the Formula tool as
 * `formula 2 ([Total]): line 1, column 3: …`; the editor of formula 2 underlines only its own.
 */
export interface FormulaErrorPlace {
  from: number;
  to: number;
  message: string;
}

const LINE_COLUMN = /line (\d+), column (\d+): (.*)$/s;
const FORMULA_INDEX = /^formula (\d+) /;

/** the errors that belong to the editor at `itemIndex` of a formula list (null: not in a list) */
export function errorsForEditor(errors: readonly string[], itemIndex: number | null): string[] {
  return errors.filter((text) => {
    const match = FORMULA_INDEX.exec(text);
    if (!match) return true;
    return itemIndex !== null && Number(match[1]) === itemIndex + 1;
  });
}

/** the span to underline: from the reported position to the end of the token there (at least one character) */
export function placeFormulaError(text: string, error: string): FormulaErrorPlace | null {
  const match = LINE_COLUMN.exec(error);
  if (!match) return null;
  const line = Number(match[1]);
  const column = Number(match[2]);
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return null;
  let from = 0;
  for (let i = 0; i < line - 1; i++) from += lines[i]!.length + 1;
  from += Math.min(column - 1, lines[line - 1]!.length);
  const rest = text.slice(from);
  const token = /^(\[[^\]\n]*\]?|"[^"\n]*"?|'[^'\n]*'?|[\p{L}\p{N}_.]+)/u.exec(rest);
  let to = from + (token ? token[0].length : 1);
  if (to > text.length) to = text.length;
  if (from === text.length && from > 0) from -= 1; // an error at the very end (missing operand) marks the last character
  return { from, to: Math.max(to, from + (text.length > from ? 1 : 0)), message: match[3]!.trim() };
}

/** the index of a formula list item from an rjsf widget id (`config-t2_formulas_1_expression` → 1) */
export function listIndexOf(widgetId: string): number | null {
  const match = /_(\d+)_[^_]+$/.exec(widgetId);
  return match ? Number(match[1]) : null;
}
