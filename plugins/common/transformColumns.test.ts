import { Bool, Float32, Float64, Int16, Int32, Int64, Table, tableFromArrays, Uint8, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readColumn } from './transformColumns.js';

describe('readColumn', () => {
  it('reads every kind of chunk the same as Arrow does, nulls as null', () => {
    const plain = new Table({
      s: vectorFromArray(['a', null, 'é', '😀'], new Utf8()),
      b: vectorFromArray([true, null, false, true], new Bool()),
      d: vectorFromArray([1.5, null, -0, 3], new Float64()),
      big: vectorFromArray([9007199254740993n, null, -1n, 0n], new Int64()),
    });
    const dict = tableFromArrays({ s: ['x', 'y', 'x', 'ü'] });
    for (const name of ['s', 'b', 'd', 'big'] as const) {
      expect(readColumn(plain, name)).toEqual(Array.from(plain.getChild(name)!, (v) => v ?? null));
    }
    expect(readColumn(dict, 's')).toEqual(['x', 'y', 'x', 'ü']);
    // a sliced table keeps bit offsets and value offsets right
    const sliced = plain.slice(1, 4);
    for (const name of ['s', 'b', 'd', 'big'] as const) expect(readColumn(sliced, name)).toEqual(Array.from(sliced.getChild(name)!, (v) => v ?? null));
  });

  it('returns numeric columns without nulls as typed arrays', () => {
    const t = tableFromArrays({ n: new Float64Array([1, 2, 3]) });
    expect(readColumn(t, 'n')).toBeInstanceOf(Float64Array);
  });

  it('cuts a builder\'s padded buffer to the rows of each chunk, for every typed array kind', () => {
    const kinds = [
      [new Int64(), [9007199254740993n, -2n]], [new Float64(), [1.5, -2]], [new Float32(), [0.5, 4]],
      [new Int32(), [7, -8]], [new Int16(), [3, 300]], [new Uint8(), [1, 255]],
    ] as const;
    for (const [type, values] of kinds) {
      const vector = vectorFromArray(values as unknown as unknown[], type);
      // the builder pads its buffer past the two rows; the column must still have two values
      expect((vector.data[0].values as ArrayLike<unknown>).length).toBeGreaterThan(2);
      const one = new Table({ v: vector });
      expect(Array.from(readColumn(one, 'v') as ArrayLike<unknown>)).toEqual(values);
      const two = one.concat(new Table({ v: vectorFromArray(values as unknown as unknown[], type) }));
      expect(Array.from(readColumn(two, 'v') as ArrayLike<unknown>)).toEqual([...values, ...values]);
    }
  });
});
