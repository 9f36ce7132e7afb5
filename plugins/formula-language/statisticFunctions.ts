/** Functions over a list of values in one row: averages, the median and the position of the extremes. */
import type { FunctionSpec } from './functionSpec.js';
import type { Scalar } from './values.js';

type Whole = number | bigint;

function present(values: Scalar[]): number[] {
  return values.filter((v) => v !== null) as number[];
}

function compareWhole(a: Whole, b: Whole): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // an int beyond 2^53 (bigint) against a number with a fraction: compare as doubles
  if (!Number.isInteger(a) && typeof a === 'number') return a - Number(b);
  if (!Number.isInteger(b) && typeof b === 'number') return Number(a) - b;
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** the position (from 0) of the first value that beats all others; nulls are skipped */
function indexOfBest(values: Scalar[], better: (c: number) => boolean): number | null {
  let best = -1;
  values.forEach((value, i) => {
    if (value !== null && (best < 0 || better(compareWhole(value as Whole, values[best] as Whole)))) best = i;
  });
  return best < 0 ? null : best;
}

export const STATISTIC_FUNCTIONS: FunctionSpec[] = [
  {
    name: 'Average', category: 'Math', returns: 'double', nulls: 'accept',
    params: [{ name: 'x', kind: 'number', variadic: true }],
    description: 'The mean of its arguments, a null counting as 0 (as Alteryx\'s Average; AverageNonNull skips nulls).',
    examples: [{ formula: 'Average(20, 30, 55)', result: '35' }, { formula: 'Average(Null(), 1, 1) = 2 / 3', result: 'true' }],
    evaluate: (values) => present(values).reduce((a, b) => a + b, 0) / values.length,
  },
  {
    name: 'AverageNonNull', category: 'Math', returns: 'double', nulls: 'accept',
    params: [{ name: 'x', kind: 'number', variadic: true }],
    description: 'The mean of its non-null arguments (as the Summarize tool\'s Average); null when all are null.',
    examples: [{ formula: 'AverageNonNull(Null(), 1, 1)', result: '1' }, { formula: 'AverageNonNull(Null(), Null())', result: 'null' }],
    evaluate: (values) => {
      const xs = present(values);
      return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
    },
  },
  {
    name: 'Median', category: 'Math', returns: 'double', nulls: 'accept',
    params: [{ name: 'x', kind: 'number', variadic: true }],
    description: 'The median of its non-null arguments, in any order (the mean of the middle two for an even count); null when all are null.',
    examples: [{ formula: 'Median(5, 4, 3, 7, 6)', result: '5' }, { formula: 'Median(1, 10, Null(), 2, 3)', result: '2.5' }],
    evaluate: (values) => {
      const xs = present(values).sort((a, b) => a - b);
      if (xs.length === 0) return null;
      const mid = xs.length >> 1;
      return xs.length % 2 === 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
    },
  },
  {
    name: 'MinIDX', category: 'Math', returns: 'int', nulls: 'accept',
    params: [{ name: 'x', kind: 'numeric', variadic: true }],
    description: 'The position (from 0) of the smallest argument, the first one on a tie; nulls are skipped (null when all are null).',
    examples: [{ formula: 'MinIDX(3, 1, 2, 1)', result: '1' }],
    evaluate: (values) => indexOfBest(values, (c) => c < 0),
  },
  {
    name: 'MaxIDX', category: 'Math', returns: 'int', nulls: 'accept',
    params: [{ name: 'x', kind: 'numeric', variadic: true }],
    description: 'The position (from 0) of the largest argument, the first one on a tie; nulls are skipped (null when all are null).',
    examples: [{ formula: 'MaxIDX(3, Null(), 9007199254740993, 2)', result: '2' }],
    evaluate: (values) => indexOfBest(values, (c) => c > 0),
  },
];
