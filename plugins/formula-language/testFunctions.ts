/** Tests of values (null, empty, kind) and the functions that choose among values. */
import type { FunctionSpec } from './functionSpec.js';
import { isNumeric } from './values.js';

export const TEST_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'IsNull', category: 'Test', returns: 'bool', nulls: 'accept',
    params: [{ name: 'Value', kind: 'any' }],
    description: 'True when Value is null.',
    examples: [{ formula: 'IsNull(null)', result: 'true' }, { formula: 'IsNull("")', result: 'false' }],
    evaluate: ([value]) => value === null,
  },
  {
    name: 'IsEmpty', category: 'Test', returns: 'bool', nulls: 'accept',
    params: [{ name: 'Value', kind: 'any' }],
    description: 'True when Value is null or empty text.',
    examples: [{ formula: 'IsEmpty("")', result: 'true' }, { formula: 'IsEmpty(" ")', result: 'false' }],
    evaluate: ([value]) => value === null || value === '',
  },
  {
    name: 'IsNumber', category: 'Test', returns: 'bool', nulls: 'accept',
    params: [{ name: 'Value', kind: 'any' }],
    description: 'True when Value is of a number type (integer or number), as Alteryx\'s IsNumber: it tests the type, not the text. Use IsInteger or ToNumber for text.',
    examples: [{ formula: 'IsNumber(1.5)', result: 'true' }, { formula: 'IsNumber("1.5")', result: 'false' }],
    evaluate: (_values, context) => isNumeric(context.argTypes[0]),
  },
  {
    name: 'IsString', category: 'Test', returns: 'bool', nulls: 'accept',
    params: [{ name: 'Value', kind: 'any' }],
    description: 'True when Value is of a text type.',
    examples: [{ formula: 'IsString("x")', result: 'true' }],
    evaluate: (_values, context) => context.argTypes[0] === 'string',
  },
  {
    name: 'IsInteger', category: 'Test', returns: 'bool',
    params: [{ name: 'Value', kind: 'any' }],
    description: 'True when Value is a whole number, or text holding one.',
    examples: [{ formula: 'IsInteger("42")', result: 'true' }, { formula: 'IsInteger(4.5)', result: 'false' }],
    evaluate: ([value]) => {
      if (typeof value === 'bigint') return true;
      if (typeof value === 'number') return Number.isInteger(value);
      return typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value);
    },
  },
  {
    name: 'Coalesce', category: 'Conditional', returns: 'unify', nulls: 'accept',
    params: [{ name: 'Value', kind: 'any', variadic: true }],
    description: 'The first of its arguments that is not null.',
    examples: [{ formula: 'Coalesce(null, null, "c")', result: '"c"' }],
    evaluate: (values) => values.find((v) => v !== null) ?? null,
  },
  {
    name: 'IfNull', category: 'Conditional', returns: 'unify', nulls: 'accept',
    params: [{ name: 'Value', kind: 'any' }, { name: 'Replacement', kind: 'any' }],
    description: 'Value, or Replacement when Value is null.',
    examples: [{ formula: 'IfNull(null, 0)', result: '0' }],
    evaluate: ([value, replacement]) => (value === null ? replacement : value),
  },
  {
    name: 'NullIf', category: 'Conditional', returns: 'unify', nulls: 'accept',
    params: [{ name: 'Value', kind: 'any' }, { name: 'Other', kind: 'any' }],
    description: 'null when Value equals Other, else Value (e.g. turn empty text into null).',
    examples: [{ formula: 'NullIf("", "")', result: 'null' }, { formula: 'NullIf("a", "")', result: '"a"' }],
    evaluate: ([value, other]) => (value !== null && other !== null && value === other ? null : value),
  },
  {
    name: 'Switch', category: 'Conditional', returns: 'unify', nulls: 'accept',
    params: [{ name: 'Value', kind: 'any' }, { name: 'Default', kind: 'any' }, { name: 'Case, Result', kind: 'any', variadic: true }],
    unifies: (index) => index === 1 || (index >= 3 && index % 2 === 1),
    argumentCount: (count) => (count % 2 === 0 ? null : 'takes Value, Default, then Case, Result pairs: a Result is missing'),
    description: 'The Result paired with the first Case equal to Value, else Default: Switch(Value, Default, Case1, Result1, Case2, Result2, ...).',
    examples: [{ formula: 'Switch("b", "none", "a", "first", "b", "second")', result: '"second"' }],
    evaluate: ([value, fallback, ...pairs]) => {
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const c = pairs[i];
        const numbers = (typeof value === 'number' || typeof value === 'bigint') && (typeof c === 'number' || typeof c === 'bigint');
        if (value !== null && c !== null && (value === c || (numbers && value == c))) return pairs[i + 1];
      }
      return fallback;
    },
  },
];
