import { describe, expect, it } from 'vitest';
import { BoolColumn, packValidity } from './csvColumns.js';

/** a repeatable sequence of 0/1 with runs of each (so whole words of 1s occur) */
function bits(count: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return (x >>> 16) % 5 === 0 ? 0 : 1;
  });
}

describe('packValidity', () => {
  it('counts nulls and packs the bitmap for every length, with the bytes in a view at any offset', () => {
    for (let length = 0; length < 70; length++) {
      const flags = bits(length, length + 1);
      for (const offset of [0, 1, 4]) {
        const valid = new Uint8Array(new ArrayBuffer(length + 8), offset, length + 3);
        valid.set(flags);
        valid.fill(0, length); // bytes after `length` must not count
        const { bitmap, nullCount } = packValidity(valid, length);
        const nulls = flags.filter((f) => f === 0).length;
        expect(nullCount).toBe(nulls);
        if (nulls === 0) expect(bitmap).toBeUndefined();
        else expect(Array.from({ length }, (_, i) => (bitmap![i >> 3] >> (i & 7)) & 1)).toEqual(flags);
      }
    }
  });
});

describe('BoolColumn', () => {
  it('packs values eight rows a byte, any length, with and without nulls', () => {
    for (let length = 0; length < 70; length++) {
      const values = bits(length, 7 * length + 3);
      const valid = bits(length, length);
      const column = new BoolColumn(length + 9);
      column.values.set(values);
      column.values.fill(1, length); // rows past `length` (e.g. a rolled-back row) are not packed
      column.valid.set(valid);
      const data = column.finish(length);
      expect(data.length).toBe(length);
      expect(Array.from({ length }, (_, i) => (data.values[i >> 3] >> (i & 7)) & 1)).toEqual(values);
      if (length > 0) expect(data.values[(length - 1) >> 3] >> (((length - 1) & 7) + 1)).toBe(0);
      expect(data.nullCount).toBe(valid.filter((f) => f === 0).length);
    }
  });
});
