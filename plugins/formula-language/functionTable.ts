/** Every function of the formula language, by category; the docs and the tests are made from this table. */
import { BITWISE_FUNCTIONS } from './bitwiseFunctions.js';
import { COMPARE_FUNCTIONS } from './compareFunctions.js';
import { CONVERSION_FUNCTIONS } from './conversionFunctions.js';
import { DATE_FUNCTIONS } from './dateFunctions.js';
import type { FunctionSpec } from './functionSpec.js';
import { DATE_CLOCK_FUNCTIONS } from './dateClockFunctions.js';
import { MATH_FUNCTIONS } from './mathFunctions.js';
import { SPECIALIZED_FUNCTIONS } from './specializedFunctions.js';
import { STATISTIC_FUNCTIONS } from './statisticFunctions.js';
import { TEST_FUNCTIONS } from './testFunctions.js';
import { TEXT_FUNCTIONS } from './textFunctions.js';
import { TEXT_PART_FUNCTIONS } from './textPartFunctions.js';

export const FUNCTIONS: readonly FunctionSpec[] = [
  ...TEXT_FUNCTIONS,
  ...TEXT_PART_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...STATISTIC_FUNCTIONS,
  ...BITWISE_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...DATE_FUNCTIONS,
  ...DATE_CLOCK_FUNCTIONS,
  ...TEST_FUNCTIONS,
  ...COMPARE_FUNCTIONS,
  ...SPECIALIZED_FUNCTIONS,
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
