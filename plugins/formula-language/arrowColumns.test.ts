import { describe, expect, it } from 'vitest';
import { Bool, Float32, Float64, Int16, Int32, Uint8, Table, makeVector, vectorFromArray, type DataType } from 'apache-arrow';
import type { Field, FieldType } from '../../shared/sdk/index.js';
import { readColumn } from '../common/transformColumns.js';
import { arrowColumn } from './arrowColumns.js';
import { columnOfValues } from './packetColumns.js';

const field = (type: FieldType): Field => ({ name: 'x', type, size: 8, source: '', description: '' } as Field);

/** `values` as one column, optionally split into chunks and sliced so chunks start mid-byte */
function vectorOf(values: unknown[], type: DataType, split: number[]) {
  const whole = vectorFromArray(values, type);
  if (split.length === 0) return whole;
  const cuts = [0, ...split, values.length];
  const pieces = cuts.slice(1).map((end, i) => whole.slice(cuts[i], end));
  return makeVector(pieces.flatMap((p) => p.data));
}

const cases: Array<[FieldType, DataType, (i: number) => unknown]> = [
  ['bool', new Bool(), (i) => (i * 7) % 3 === 0],
  ['bool', new Bool(), (i) => (i % 11 === 0 ? null : (i * 5) % 7 < 3)],
  ['int32', new Int32(), (i) => i * 1001 - 50000],
  ['int32', new Int32(), (i) => (i % 9 === 4 ? null : i - 30)],
  ['int16', new Int16(), (i) => (i % 13 === 0 ? null : -i)],
  ['byte', new Uint8(), (i) => i % 256],
  ['float', new Float32(), (i) => (i % 6 === 1 ? null : i / 8)],
  ['double', new Float64(), (i) => i * 1.25 - 3],
  ['double', new Float64(), (i) => (i % 4 === 2 ? null : i * 0.1)],
];

describe('arrowColumn', () => {
  for (const [type, arrowType, make] of cases) {
    for (const split of [[], [13], [3, 21, 22, 90]]) {
      it(`reads ${type} ${String(arrowType)} (chunks cut at ${split.join(',') || 'none'}) as the general path does`, () => {
        const values = Array.from({ length: 117 }, (_, i) => make(i));
        const vector = vectorOf(values, arrowType, split);
        const fast = arrowColumn(field(type), vector);
        const table = new Table({ x: vector });
        const general = columnOfValues(field(type), readColumn(table, 'x'));
        expect(fast).not.toBeNull();
        expect(fast!.type).toBe(general.type);
        expect(fast!.values!.length).toBe(values.length);
        // (a builder-made buffer can be longer than its rows: compare the rows)
        expect(Array.from(fast!.values as ArrayLike<number>)).toEqual(Array.from(general.values as ArrayLike<number>).slice(0, values.length));
        expect(fast!.nulls === null ? null : Array.from(fast!.nulls)).toEqual(general.nulls === null ? null : Array.from(general.nulls));
      });
    }
  }

  it('leaves strings and int64 to the general path', () => {
    expect(arrowColumn(field('v_wstring'), vectorFromArray(['a', 'b']))).toBeNull();
    expect(arrowColumn(field('int64'), vectorFromArray([1n, 2n]))).toBeNull();
  });
});
