import { tableFromArrays, Table, vectorFromArray, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { GroupIndex, NO_MATCH } from './transformGroupKeys.js';
import { MAX_SHARD } from './unboundedMap.js';

describe('GroupIndex', () => {
  it('gives dense ids in order of first appearance, across dictionary and plain string packets', () => {
    const index = new GroupIndex(2);
    const dict = tableFromArrays({ s: ['x', 'y', 'x', 'ü'], n: new Int32Array([1, 1, 1, 2]) });
    expect(Array.from(index.addTable(dict, ['s', 'n']))).toEqual([0, 1, 0, 2]);
    const plain = new Table({ s: vectorFromArray(['ü', 'x', null], new Utf8()), n: vectorFromArray([2, 2, null]) });
    expect(Array.from(index.addTable(plain, ['s', 'n']))).toEqual([2, 3, 4]);
    expect(index.size).toBe(5);
    expect([index.keyValue(4, 0), index.keyValue(4, 1)]).toEqual([null, null]);
  });

  it('matches int64 to the same integer and never matches a null in lookups', () => {
    const index = new GroupIndex(1);
    index.addColumns([[9007199254740993n, 5n, null]]);
    expect(Array.from(index.lookupColumns([[5, 9007199254740993n, 9007199254740992n, null]]))).toEqual([1, 0, NO_MATCH, NO_MATCH]);
  });

  it('gives the same ids whether key codes are small (table look-up) or large (Map), over many packets', () => {
    const index = new GroupIndex(3);
    const reference = new Map<string, number>();
    let x = 17;
    const next = (m: number) => { x = (x * 1103515245 + 12345) >>> 0; return (x >>> 8) % m; };
    for (let packet = 0; packet < 6; packet++) {
      // the first packets have few distinct values, later ones push codes past 256
      const spread = packet < 3 ? 20 : 700;
      const a = Array.from({ length: 500 }, () => next(spread));
      const b = Array.from({ length: 500 }, () => `k${next(spread)}`);
      const c = Array.from({ length: 500 }, () => next(3));
      const ids = Array.from(index.addColumns([Int32Array.from(a), b, Int32Array.from(c)]));
      const expected = a.map((v, i) => {
        const key = `${v}|${b[i]}|${c[i]}`;
        if (!reference.has(key)) reference.set(key, reference.size);
        return reference.get(key)!;
      });
      expect(ids).toEqual(expected);
      expect(Array.from(index.lookupColumns([Int32Array.from(a), b, Int32Array.from(c)]))).toEqual(expected);
    }
    expect(index.size).toBe(reference.size);
    expect(Array.from(index.lookupColumns([Int32Array.from([100000]), ['k1'], Int32Array.from([0])]))).toEqual([NO_MATCH]);
  });
});

describe('GroupIndex past a Map\'s size limit', () => {
  // a Map holds at most 2^24 entries; the index's tables start a new Map every shardSize entries,
  // here lowered to 1,000 so 25,000 keys cross that boundary 25 times
  it('keeps dense ids and finds every key again across many shards', () => {
    const n = 25_000;
    const index = new GroupIndex(2, 1_000);
    const a = Array.from({ length: n }, (_, i) => i);
    const b = Array.from({ length: n }, (_, i) => `k${i % 5_000}`);
    const ids = index.addColumns([a, b]);
    expect(index.size).toBe(n);
    expect(Array.from(ids)).toEqual(a);
    expect(Array.from(index.addColumns([a, b]))).toEqual(a);
    expect(Array.from(index.lookupColumns([[24_999, 3, 25_000], ['k4999', 'k3', 'k0']]))).toEqual([24_999, 3, NO_MATCH]);
    expect([index.keyValue(12_345, 0), index.keyValue(12_345, 1)]).toEqual([12_345, 'k2345']);
  });

  it('by default starts a new Map below the 2^24 entries where one Map throws', () => {
    expect(MAX_SHARD).toBeLessThan(2 ** 24);
  });
});
