/** Formula: each `<FormulaField expression field type size/>` in order. */
import { sizeOf, weftType } from '../alteryxTypes.js';
import { converted, unsupported } from '../conversion.js';
import { translateFormula } from '../formulaDialect.js';
import type { AlteryxTool, Conversion, ImportContext } from '../importTypes.js';

export function convertFormula(tool: AlteryxTool, context: ImportContext): Conversion {
  const entries = tool.configuration?.child('FormulaFields')?.children('FormulaField') ?? [];
  if (entries.length === 0) return unsupported('the formula tool has no formulas');
  const result = converted('weft/formula', {});
  const formulas = entries.map((entry) => {
    const field = entry.attr('field') ?? '';
    const translated = translateFormula(entry.attr('expression') ?? '', context.constants);
    result.approximations.push(...translated.approximations.map((a) => `${field}: ${a}`));
    const formula: Record<string, unknown> = { field, expression: translated.expression };
    const type = weftType(entry.attr('type'));
    if (entry.attr('type') !== undefined && type === undefined) result.approximations.push(`${field}: the type ${entry.attr('type')} has no Weft equivalent; the type is inferred`);
    if (type) Object.assign(formula, { type }, sizeOf(type, entry.attr('size')));
    return formula;
  });
  result.config = { formulas };
  return result;
}
