/**
 * Bitwise functions and binary text, on 64-bit two's complement integers (a number argument is
 * truncated toward zero first). Results wrap around to 64 bits, as in C.
 */
import type { CallContext, FunctionSpec } from './functionSpec.js';
import type { Scalar } from './values.js';

const whole = (value: Scalar): bigint => (typeof value === 'bigint' ? value : BigInt(Math.trunc(value as number)));
const int64 = (value: bigint): bigint => BigInt.asIntN(64, value);

function binary(name: string, description: string, op: (a: bigint, b: bigint) => bigint, example: [string, string]): FunctionSpec {
  return {
    name, category: 'Math', returns: 'int',
    params: [{ name: 'n', kind: 'numeric' }, { name: 'm', kind: 'numeric' }],
    description,
    examples: [{ formula: example[0], result: example[1] }],
    evaluate: ([n, m]) => int64(op(whole(n), whole(m))),
  };
}

function shiftCount(value: Scalar, context: CallContext): bigint | null {
  const b = whole(value);
  if (b < 0n || b > 63n) {
    context.warn(`shift by ${b} bits: the count must be 0 to 63`);
    return null;
  }
  return b;
}

export const BITWISE_FUNCTIONS: FunctionSpec[] = [
  binary('BinaryAnd', 'The bits set in both n and m.', (a, b) => a & b, ['BinaryAnd(12, 10)', '8']),
  binary('BinaryOr', 'The bits set in n or m.', (a, b) => a | b, ['BinaryOr(12, 10)', '14']),
  binary('BinaryXOr', 'The bits set in exactly one of n and m.', (a, b) => a ^ b, ['BinaryXOr(12, 10)', '6']),
  {
    name: 'BinaryNot', category: 'Math', returns: 'int',
    params: [{ name: 'n', kind: 'numeric' }],
    description: 'n with every bit flipped (-n - 1).',
    examples: [{ formula: 'BinaryNot(0)', result: '-1' }],
    evaluate: ([n]) => ~whole(n),
  },
  {
    name: 'ShiftLeft', category: 'Math', returns: 'int',
    params: [{ name: 'n', kind: 'numeric' }, { name: 'b', kind: 'numeric' }],
    description: 'n shifted left by b bits (0 to 63), wrapping at 64 bits.',
    examples: [{ formula: 'ShiftLeft(3, 4)', result: '48' }],
    evaluate: ([n, b], context) => {
      const count = shiftCount(b, context);
      return count === null ? null : int64(whole(n) << count);
    },
  },
  {
    name: 'ShiftRight', category: 'Math', returns: 'int',
    params: [{ name: 'n', kind: 'numeric' }, { name: 'b', kind: 'numeric' }],
    description: 'n shifted right by b bits (0 to 63), keeping the sign.',
    examples: [{ formula: 'ShiftRight(48, 4)', result: '3' }, { formula: 'ShiftRight(-16, 2)', result: '-4' }],
    evaluate: ([n, b], context) => {
      const count = shiftCount(b, context);
      return count === null ? null : whole(n) >> count;
    },
  },
  {
    name: 'BinToInt', category: 'Conversion', returns: 'int',
    params: [{ name: 'Binary', kind: 'text' }],
    description: 'Text of 0s and 1s (up to 64) as an integer; 64 digits starting with 1 read as a negative number. Other text gives null and a warning.',
    examples: [{ formula: 'BinToInt("101")', result: '5' }],
    evaluate: ([text], context) => {
      const digits = (text as string).trim();
      if (!/^[01]{1,64}$/.test(digits)) {
        context.warn(`${JSON.stringify(digits.slice(0, 40))} is not binary`);
        return null;
      }
      return int64(BigInt(`0b${digits}`));
    },
  },
  {
    name: 'IntToBin', category: 'Conversion', returns: 'string',
    params: [{ name: 'n', kind: 'numeric' }],
    description: 'An integer as binary text (a negative number as 64-bit two\'s complement).',
    examples: [{ formula: 'IntToBin(10)', result: '"1010"' }],
    evaluate: ([n]) => BigInt.asUintN(64, whole(n)).toString(2),
  },
];
