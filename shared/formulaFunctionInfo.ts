/**
 * A function of the formula language as the expression editor shows it: made at build time from
 * the function table of the formula language (scripts/formulaFunctionList.ts), so a new function
 * appears in completion and help without a change here.
 */
export interface FormulaFunctionInfo {
  name: string;
  aliases: string[];
  category: string;
  /** `Left(text, count)`; optional parameters in brackets, a repeating one as `name, …` */
  signature: string;
  /** the parameter names, `…` after a repeating one */
  params: string[];
  description: string;
  /** one example call with its result, e.g. `Upper("abc") → "ABC"` */
  example: string | null;
}
