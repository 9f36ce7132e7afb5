import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareValues, sortedIndices } from './transformCompare.js';

describe('compareCodePoints', () => {
  it('orders by code point, unlike UTF-16 units above U+FFFF', () => {
    const words = ['😀', '\uffff', 'é', 'a', 'B', '', 'ab'];
    expect([...words].sort(compareCodePoints)).toEqual(['', 'B', 'a', 'ab', 'é', '\uffff', '😀']);
    // plain JavaScript order puts the surrogate pair first: the case the function exists for
    expect(['\uffff', '😀'].sort()).toEqual(['😀', '\uffff']);
  });

  it('agrees with UTF-8 byte order on random strings', () => {
    const pool = ['a', 'Z', 'é', '東', '😀', '\ud7ff', '\ue000', '\uffff', '𝄞'];
    const enc = new TextEncoder();
    const bytes = (s: string) => Array.from(enc.encode(s));
    const byteCompare = (x: string, y: string) => {
      const a = bytes(x); const b = bytes(y);
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
      return a.length - b.length;
    };
    for (let k = 0; k < 500; k++) {
      const s = Array.from({ length: 1 + (k % 4) }, (_, i) => pool[(k * 7 + i * 3) % pool.length]).join('');
      const t = Array.from({ length: 1 + (k % 3) }, (_, i) => pool[(k * 5 + i) % pool.length]).join('');
      expect(Math.sign(compareCodePoints(s, t))).toBe(Math.sign(byteCompare(s, t)));
    }
  });
});

describe('compareValues and sortedIndices', () => {
  it('compares bigints beyond 2^53 and mixes with numbers', () => {
    expect(compareValues(9007199254740993n, 9007199254740992n)).toBeGreaterThan(0);
    expect(compareValues(5n, 6)).toBeLessThan(0);
    expect(compareValues(false, true)).toBeLessThan(0);
    expect(compareValues(Number.NaN, 1e308)).toBeGreaterThan(0);
  });

  it('sorts stably with nulls placed per key', () => {
    const v = [3, null, 1, 3, null, 2];
    expect(Array.from(sortedIndices(6, [{ values: v, descending: false, nullsFirst: true }]))).toEqual([1, 4, 2, 5, 0, 3]);
    expect(Array.from(sortedIndices(6, [{ values: v, descending: true, nullsFirst: false }]))).toEqual([0, 3, 5, 2, 1, 4]);
    const typed = new Float64Array([2, 1, 2, 0]);
    expect(Array.from(sortedIndices(4, [{ values: typed, descending: true, nullsFirst: false }]))).toEqual([0, 2, 1, 3]);
  });
});
