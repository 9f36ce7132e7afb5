/**
 * Alteryx formula text as Weft's formula language reads it. Weft reads Alteryx's dialect
 * (single quotes, comments, several lines, Null(), the REGEX_ functions) as it is, so the text is
 * kept as written; what Weft reads differently is reported on the tool.
 */
export interface TranslatedFormula {
  expression: string;
  approximations: string[];
}

export function translateFormula(text: string): TranslatedFormula {
  return { expression: text, approximations: [] };
}
