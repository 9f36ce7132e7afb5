import { tableFromArrays, Table, vectorFromArray, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { GroupIndex, NO_MATCH } from './transformGroupKeys.js';

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
});
