/** Every function of the formula language, by category; the docs and the tests are made from this table. */
import { CONVERSION_FUNCTIONS } from './conversionFunctions.js';
import { DATE_FUNCTIONS } from './dateFunctions.js';
import type { FunctionSpec } from './functionSpec.js';
import { MATH_FUNCTIONS } from './mathFunctions.js';
import { TEST_FUNCTIONS } from './testFunctions.js';
import { TEXT_FUNCTIONS } from './textFunctions.js';

export const FUNCTIONS: readonly FunctionSpec[] = [
  ...TEXT_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...TEST_FUNCTIONS,
];

const byName = new Map<string, FunctionSpec>();
for (const spec of FUNCTIONS) {
  for (const name of [spec.name, ...(spec.aliases ?? [])]) {
    const key = name.toLowerCase();
    if (byName.has(key)) throw new Error(`formula function ${name} is defined twice`);
    byName.set(key, spec);
  }
}

/** The function called `name` (any letter case, aliases included). */
export function findFunction(name: string): FunctionSpec | undefined {
  return byName.get(name.toLowerCase());
}
