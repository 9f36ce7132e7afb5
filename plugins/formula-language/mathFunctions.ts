/** Math functions. `numeric` ones keep integers exact (bigint beyond 2^53); the rest work in doubles. */
import type { FunctionSpec } from './functionSpec.js';
import type { Scalar } from './values.js';

const num = (value: Scalar) => value as number;
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

function unary(name: string, description: string, fn: (x: number) => number, example: [string, string], aliases?: string[]): FunctionSpec {
  return {
    name, aliases, category: 'Math', returns: 'double',
    params: [{ name: 'x', kind: 'number' }],
    description,
    examples: [{ formula: example[0], result: example[1] }],
    evaluate: ([x]) => finite(fn(num(x))),
  };
}

/** Rounds half away from zero, as Alteryx does. */
export function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** Three significant digits, never cutting the whole part (see SmartRound). */
export function smartRound(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  if (x === 0) return 0;
  return Math.abs(x) >= 100 ? roundHalfAway(x) : Number(x.toPrecision(3));
}

type Whole = number | bigint;

function compareWhole(a: Whole, b: Whole): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function pick(values: Scalar[], better: (c: number) => boolean): Scalar {
  let best: Scalar = null;
  for (const value of values) {
    if (value === null) continue;
    if (best === null || better(compareWhole(value as Whole, best as Whole))) best = value;
  }
  return best;
}

export const MATH_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'Abs', category: 'Math', returns: 'numeric',
    params: [{ name: 'x', kind: 'numeric' }],
    description: 'The absolute value of x (an integer stays an integer).',
    examples: [{ formula: 'Abs(-7)', result: '7' }, { formula: 'Abs(-2.5)', result: '2.5' }],
    evaluate: ([x]) => (typeof x === 'bigint' ? (x < 0n ? -x : x) : Math.abs(num(x))),
  },
  {
    name: 'Round', category: 'Math', returns: 'double',
    params: [{ name: 'x', kind: 'number' }, { name: 'Multiple', kind: 'number', optional: true }],
    description: 'x rounded to the nearest multiple of Multiple (default 1), halves away from zero, as Alteryx\'s Round(x, mult).',
    examples: [{ formula: 'Round(2.5)', result: '3' }, { formula: 'Round(3.14159, 0.01)', result: '3.14' }, { formula: 'Round(1234, 100)', result: '1200' }],
    evaluate: ([x, multiple]) => {
      const m = multiple === undefined ? 1 : Math.abs(num(multiple));
      if (m === 0) return num(x);
      const r = roundHalfAway(num(x) / m) * m;
      // trim the binary noise of the multiplication (3.14 rather than 3.1400000000000001)
      const decimals = Math.max(0, -Math.floor(Math.log10(m)) + 1);
      return finite(decimals > 0 && decimals < 16 ? Number(r.toFixed(decimals)) : r);
    },
  },
  {
    name: 'SmartRound', category: 'Math', returns: 'double',
    params: [{ name: 'x', kind: 'number' }],
    description: 'x rounded to a number of decimals that depends on its size: three significant digits, but never fewer than the whole part (1234.56 → 1235, 12.3456 → 12.3, 0.012345 → 0.0123).',
    examples: [{ formula: 'SmartRound(12.3456)', result: '12.3' }, { formula: 'SmartRound(1234.56)', result: '1235' }, { formula: 'SmartRound(0.012345)', result: '0.0123' }],
    evaluate: ([x]) => smartRound(num(x)),
  },
  unary('Floor', 'The largest whole number not greater than x.', Math.floor, ['Floor(-2.5)', '-3']),
  unary('Ceil', 'The smallest whole number not less than x.', Math.ceil, ['Ceil(2.1)', '3'], ['Ceiling']),
  {
    name: 'Pow', aliases: ['Power'], category: 'Math', returns: 'double',
    params: [{ name: 'x', kind: 'number' }, { name: 'y', kind: 'number' }],
    description: 'x raised to the power y.',
    examples: [{ formula: 'Pow(2, 10)', result: '1024' }],
    evaluate: ([x, y]) => finite(Math.pow(num(x), num(y))),
  },
  unary('Sqrt', 'The square root of x; null for a negative x.', Math.sqrt, ['Sqrt(16)', '4']),
  unary('Log', 'The natural logarithm of x; null when x <= 0.', Math.log, ['Log(1)', '0']),
  unary('Log10', 'The base-10 logarithm of x; null when x <= 0.', Math.log10, ['Log10(1000)', '3']),
  unary('Exp', 'e raised to the power x.', Math.exp, ['Exp(0)', '1']),
  unary('Sin', 'The sine of x (radians).', Math.sin, ['Sin(0)', '0']),
  unary('Cos', 'The cosine of x (radians).', Math.cos, ['Cos(0)', '1']),
  unary('Tan', 'The tangent of x (radians).', Math.tan, ['Tan(0)', '0']),
  unary('ASin', 'The arcsine of x, in radians.', Math.asin, ['ASin(1) * 2 = Pi()', 'true']),
  unary('ACos', 'The arccosine of x, in radians.', Math.acos, ['ACos(1)', '0']),
  unary('ATan', 'The arctangent of x, in radians.', Math.atan, ['ATan(0)', '0']),
  unary('SinH', 'The hyperbolic sine of x.', Math.sinh, ['SinH(0)', '0']),
  unary('CosH', 'The hyperbolic cosine of x.', Math.cosh, ['CosH(0)', '1']),
  unary('TanH', 'The hyperbolic tangent of x.', Math.tanh, ['TanH(0)', '0']),
  unary('ToDegrees', 'x radians in degrees.', (x) => (x * 180) / Math.PI, ['ToDegrees(Pi())', '180']),
  unary('ToRadians', 'x degrees in radians.', (x) => (x * Math.PI) / 180, ['ToRadians(180) = Pi()', 'true']),
  {
    name: 'ATan2', category: 'Math', returns: 'double',
    params: [{ name: 'y', kind: 'number' }, { name: 'x', kind: 'number' }],
    description: 'The angle (radians) of the point (x, y) from the x axis.',
    examples: [{ formula: 'ATan2(1, 1) * 4 = Pi()', result: 'true' }],
    evaluate: ([y, x]) => Math.atan2(num(y), num(x)),
  },
  {
    name: 'Pi', category: 'Math', returns: 'double', params: [],
    description: 'The number π.',
    examples: [{ formula: 'Round(Pi(), 0.0001)', result: '3.1416' }],
    evaluate: () => Math.PI,
  },
  {
    name: 'Mod', category: 'Math', returns: 'numeric',
    params: [{ name: 'n', kind: 'numeric' }, { name: 'd', kind: 'numeric' }],
    description: 'The remainder of n divided by d, with the sign of n (same as n % d); null when d is 0.',
    examples: [{ formula: 'Mod(17, 5)', result: '2' }, { formula: 'Mod(-7, 3)', result: '-1' }],
    evaluate: ([n, d]) => {
      if (typeof n === 'bigint' || typeof d === 'bigint') {
        const q = BigInt(d as Whole);
        return q === 0n ? null : BigInt(n as Whole) % q;
      }
      return num(d) === 0 ? null : num(n) % num(d);
    },
  },
  {
    name: 'Sign', category: 'Math', returns: 'int',
    params: [{ name: 'x', kind: 'numeric' }],
    description: '-1, 0 or 1 by the sign of x.',
    examples: [{ formula: 'Sign(-4.2)', result: '-1' }],
    evaluate: ([x]) => (typeof x === 'bigint' ? (x > 0n ? 1 : x < 0n ? -1 : 0) : Math.sign(num(x))),
  },
  {
    name: 'Min', category: 'Math', returns: 'numeric', nulls: 'accept',
    params: [{ name: 'x', kind: 'numeric', variadic: true }],
    description: 'The smallest of its arguments; nulls are skipped (null only when all are null).',
    examples: [{ formula: 'Min(3, 1, 2)', result: '1' }, { formula: 'Min(3, null, 2.5)', result: '2.5' }],
    evaluate: (values) => pick(values, (c) => c < 0),
  },
  {
    name: 'Max', category: 'Math', returns: 'numeric', nulls: 'accept',
    params: [{ name: 'x', kind: 'numeric', variadic: true }],
    description: 'The largest of its arguments; nulls are skipped (null only when all are null).',
    examples: [{ formula: 'Max(3, 1, 2)', result: '3' }, { formula: 'Max(9007199254740993, 1)', result: '9007199254740993' }],
    evaluate: (values) => pick(values, (c) => c > 0),
  },
];
