/** The function reference of docs/formula.md, made from the function table so the two cannot drift. */
import type { FunctionCategory, FunctionSpec, ParamSpec } from './functionSpec.js';
import { FUNCTIONS } from './functionTable.js';

export const FUNCTIONS_START = '<!-- functions:start (generated from plugins/formula-language/functionTable.ts) -->';
export const FUNCTIONS_END = '<!-- functions:end -->';

const CATEGORY_ORDER: FunctionCategory[] = ['Text', 'Math', 'Conversion', 'Date/time', 'Test', 'Conditional', 'Specialized'];

function param(p: ParamSpec): string {
  if (p.variadic) return `${p.name}, …`;
  return p.optional ? `[${p.name}]` : p.name;
}

function signature(spec: FunctionSpec): string {
  return `${spec.name}(${spec.params.map(param).join(', ')})`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function exampleText(spec: FunctionSpec): string {
  return spec.examples
    .map((e) => `\`${cell(e.formula)}\` → ${e.result instanceof RegExp ? 'e.g. the current value' : `\`${cell(e.result)}\``}`)
    .join('<br>');
}

export function renderFunctionReference(): string {
  const lines: string[] = [FUNCTIONS_START, ''];
  lines.push(`${FUNCTIONS.length} functions (plus IIF, which is part of the syntax). Names are case-insensitive; other accepted names are listed under the function.`, '');
  for (const category of CATEGORY_ORDER) {
    const specs = FUNCTIONS.filter((f) => f.category === category);
    if (specs.length === 0) continue;
    lines.push(`### ${category}`, '', '| function | what it gives | example |', '| --- | --- | --- |');
    for (const spec of specs) {
      const aliases = spec.aliases?.length ? `<br>also: ${spec.aliases.join(', ')}` : '';
      lines.push(`| \`${cell(signature(spec))}\`${aliases} | ${cell(spec.description)} | ${exampleText(spec)} |`);
    }
    lines.push('');
  }
  lines.push(FUNCTIONS_END);
  return lines.join('\n');
}
