import { describe, expect, it } from 'vitest';
import type { Metadata } from '../../shared/sdk/index.js';
import { ColumnBatch } from './batch.js';
import { columnFromValues, columnValues } from './columns.js';
import { compileFormula } from './formula.js';
import type { Scalar } from './values.js';

const metadata: Metadata = { fields: [{ name: 'x', type: 'double' }, { name: 'i', type: 'int32' }, { name: 'y', type: 'double' }] };
const xs: Scalar[] = [-2, 0, 1.5, 100, 100.5, null, Number.NaN, 3];
const is: Scalar[] = [5, -1, 100, 0, null, 7, 100, 101];

function run(text: string): Scalar[] {
  const compiled = compileFormula(text, metadata);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const batch = new ColumnBatch(xs.length, (name) => columnFromValues(name === 'i' ? 'int' : 'double', name === 'i' ? is : xs));
  return columnValues(compiled.formula.evaluate(batch));
}

describe('comparison with a number literal', () => {
  // the literal on either side gives what the same comparison of two columns gives ([y] holds xs too)
  for (const op of ['=', '!=', '<', '<=', '>', '>=']) {
    it(`${op}: literal on the right or the left equals comparing columns`, () => {
      const expected = (field: string, literal: number, literalLeft: boolean) => {
        const values = field === 'i' ? is : xs;
        return values.map((v) => {
          if (v === null) return null;
          const [l, r] = literalLeft ? [literal, v as number] : [v as number, literal];
          switch (op) {
            case '=': return l === r;
            case '!=': return l !== r;
            case '<': return l < r;
            case '<=': return l <= r;
            case '>': return l > r;
            default: return l >= r;
          }
        });
      };
      expect(run(`[x] ${op} 100`)).toEqual(expected('x', 100, false));
      expect(run(`100 ${op} [x]`)).toEqual(expected('x', 100, true));
      expect(run(`[x] ${op} 1.5`)).toEqual(expected('x', 1.5, false));
      expect(run(`[i] ${op} 100`)).toEqual(expected('i', 100, false));
      expect(run(`-1 ${op} [i]`)).toEqual(expected('i', -1, true));
      // two columns (the general path): each value against itself, NaN included
      const self = xs.map((v) => (v === null ? null : expected('x', v as number, false)[xs.indexOf(v)]));
      self[xs.findIndex((v) => Number.isNaN(v))] = op === '!=';
      expect(run(`[x] ${op} [y]`)).toEqual(self);
    });
  }
});
