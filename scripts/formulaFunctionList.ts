/**
 * The function list the expression editor completes and documents, made from the formula
 * language's function table. The renderer build (renderer/vite.config.ts) serves it as the module
 * `virtual:weft-formula-functions`, so the renderer never imports the formula language itself.
 */
import type { FormulaFunctionInfo } from '../shared/formulaFunctionInfo.js';
import type { FunctionSpec, ParamSpec } from '../plugins/formula-language/functionSpec.js';
import { FUNCTIONS } from '../plugins/formula-language/functionTable.js';

const paramText = (p: ParamSpec) => (p.variadic ? `${p.name}, …` : p.optional ? `[${p.name}]` : p.name);

/** IIF is syntax, not a table entry; it is listed with the functions because users call it like one */
const IIF: FormulaFunctionInfo = {
  name: 'IIF', aliases: [], category: 'Conditional', signature: 'IIF(condition, ifTrue, ifFalse)',
  params: ['condition', 'ifTrue', 'ifFalse'],
  description: 'ifTrue when the condition is true, else ifFalse (both sides are checked to have one type).',
  example: 'IIF(3 > 2, "yes", "no") → "yes"',
};

function infoOf(spec: FunctionSpec): FormulaFunctionInfo {
  const first = spec.examples.find((e) => !(e.result instanceof RegExp));
  return {
    name: spec.name,
    aliases: spec.aliases ?? [],
    category: spec.category,
    signature: `${spec.name}(${spec.params.map(paramText).join(', ')})`,
    params: spec.params.map((p) => (p.variadic ? `${p.name}…` : p.name)),
    description: spec.description,
    example: first ? `${first.formula} → ${String(first.result)}` : null,
  };
}

export function formulaFunctionList(): FormulaFunctionInfo[] {
  return [...FUNCTIONS.map(infoOf), IIF].sort((a, b) => a.name.localeCompare(b.name));
}
