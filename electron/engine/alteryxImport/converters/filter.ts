/** Filter: Custom mode is its expression; Simple mode is built from its field, operator and operand. */
import { converted, unsupported } from '../conversion.js';
import { translateFormula } from '../formulaDialect.js';
import type { AlteryxTool, Conversion, ImportContext } from '../importTypes.js';
import type { XmlElement } from '../xmlTree.js';

const COMPARISONS = new Set(['=', '!=', '<>', '>', '>=', '<', '<=']);
const NUMERIC_TYPES = new Set(['bool', 'byte', 'int16', 'int32', 'int64', 'fixeddecimal', 'float', 'double']);

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** the simple filter as an expression, or the reason it cannot be */
export function simpleExpression(simple: XmlElement, fieldType: string | undefined): string | { reason: string } {
  const field = simple.value('Field') ?? '';
  const operator = (simple.value('Operator') ?? '').trim();
  const operand = simple.find('Operands/Operand')?.text() ?? '';
  if (field === '') return { reason: 'the simple filter names no field' };
  const ref = `[${field}]`;
  const numeric = fieldType !== undefined ? NUMERIC_TYPES.has(fieldType.toLowerCase()) : /^-?\d+(?:\.\d+)?$/.test(operand.trim());
  const value = numeric && operand.trim() !== '' ? operand.trim().replace(/^(-?)0+(?=\d)/, '$1') : quoted(operand);
  if (COMPARISONS.has(operator)) return `${ref} ${operator === '<>' ? '!=' : operator} ${value}`;
  switch (operator) {
    case 'IsNull': return `IsNull(${ref})`;
    case 'IsNotNull': return `!IsNull(${ref})`;
    case 'IsEmpty': return `IsEmpty(${ref})`;
    case 'IsNotEmpty': return `!IsEmpty(${ref})`;
    case 'Contains': return `Contains(${ref}, ${quoted(operand)})`;
    case 'DoesNotContain': return `!Contains(${ref}, ${quoted(operand)})`;
    default: return { reason: `the simple filter operator "${operator}" is not supported` };
  }
}

export function convertFilter(tool: AlteryxTool, context: ImportContext): Conversion {
  const configuration = tool.configuration;
  const mode = configuration?.value('Mode')?.trim() ?? 'Custom';
  let expression = configuration?.value('Expression') ?? '';
  const simple = configuration?.child('Simple');
  if (mode === 'Simple' && simple) {
    const field = simple.value('Field') ?? '';
    const saved = context.upstreamOf(tool.toolId, 'Input')[0];
    const type = saved ? context.savedMetadata(saved.toolId, saved.anchor)?.find((f) => f.name === field)?.type : undefined;
    const built = simpleExpression(simple, type);
    if (typeof built !== 'string') return unsupported(built.reason);
    expression = built;
  }
  if (expression.trim() === '') return unsupported('the filter has no expression');
  const translated = translateFormula(expression, context.constants);
  const result = converted('weft/filter', { expression: translated.expression });
  result.approximations.push(...translated.approximations);
  return result;
}
