/** Comparisons beyond the operators: dictionary order, numbers equal to some digits or within a tolerance. */
import type { FunctionSpec } from './functionSpec.js';
import type { Scalar } from './values.js';

const dictionary = new Intl.Collator('en', { sensitivity: 'variant', numeric: false });
const num = (value: Scalar) => value as number;

/** whether a and b agree to `digits` significant digits: they differ by less than one unit of the last one */
export function sameToDigits(a: number, b: number, digits: number): boolean {
  if (a === b) return true;
  const largest = Math.max(Math.abs(a), Math.abs(b));
  const unit = 10 ** (Math.floor(Math.log10(largest)) + 1 - digits);
  return Math.abs(a - b) < unit;
}

export const COMPARE_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'CompareDictionary', category: 'Specialized', returns: 'int',
    params: [{ name: 'a', kind: 'text' }, { name: 'b', kind: 'text' }],
    description: '-1, 0 or 1 as a comes before, with or after b in dictionary order: letters by the alphabet whatever their case or accents, then lower case before upper case (unlike `<`, which compares character codes).',
    examples: [{ formula: 'CompareDictionary("apple", "Banana")', result: '-1' }, { formula: '"apple" < "Banana"', result: 'false' }],
    evaluate: ([a, b]) => Math.sign(dictionary.compare(a as string, b as string)),
  },
  {
    name: 'CompareDigits', category: 'Specialized', returns: 'bool',
    params: [{ name: 'a', kind: 'number' }, { name: 'b', kind: 'number' }, { name: 'Digits', kind: 'number' }],
    description: 'True when a and b are the same to Digits significant digits (they differ by less than one unit of the last digit that counts).',
    examples: [{ formula: 'CompareDigits(12345, 12346, 4)', result: 'true' }, { formula: 'CompareDigits(12345, 12346, 5)', result: 'false' }],
    evaluate: ([a, b, digits]) => sameToDigits(num(a), num(b), Math.trunc(num(digits))),
  },
  {
    name: 'CompareEpsilon', category: 'Specialized', returns: 'bool',
    params: [{ name: 'a', kind: 'number' }, { name: 'b', kind: 'number' }, { name: 'Epsilon', kind: 'number' }],
    description: 'True when a and b differ by at most Epsilon.',
    examples: [{ formula: 'CompareEpsilon(0.1 + 0.2, 0.3, 0.000001)', result: 'true' }],
    evaluate: ([a, b, epsilon]) => Math.abs(num(a) - num(b)) <= Math.abs(num(epsilon)),
  },
  {
    name: 'EqualStrings', category: 'Specialized', returns: 'bool',
    params: [{ name: 'a', kind: 'text' }, { name: 'b', kind: 'text' }, { name: 'CaseInsensitive', kind: 'flag', optional: true }],
    description: 'True when a and b are the same text; case-sensitive unless the third argument is 1.',
    examples: [{ formula: 'EqualStrings("Weft", "weft")', result: 'false' }, { formula: 'EqualStrings("Weft", "weft", 1)', result: 'true' }],
    evaluate: ([a, b, ci]) => (ci === true ? (a as string).toLowerCase() === (b as string).toLowerCase() : a === b),
  },
];
