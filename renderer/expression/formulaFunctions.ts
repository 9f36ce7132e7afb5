/** The formula functions (made at build time from the language's function table), by name. */
import functions from 'virtual:weft-formula-functions';
import type { FormulaFunctionInfo } from '../../shared/formulaFunctionInfo.js';

export const FORMULA_FUNCTIONS: readonly FormulaFunctionInfo[] = functions;

const byName = new Map<string, FormulaFunctionInfo>();
for (const info of functions) {
  for (const name of [info.name, ...info.aliases]) byName.set(name.toLowerCase(), info);
}

export function findFormulaFunction(name: string): FormulaFunctionInfo | undefined {
  return byName.get(name.toLowerCase());
}
