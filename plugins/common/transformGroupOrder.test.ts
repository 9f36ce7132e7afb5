import { tableFromArrays, Table, vectorFromArray, Utf8 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { groupOrder } from './transformGroupOrder.js';

describe('groupOrder', () => {
  it('puts rows of several tables group after group: groups by value (nulls first), rows in input order', () => {
    const first = new Table({ k: vectorFromArray(['b', null, 'a'], new Utf8()) });
    const second = tableFromArrays({ k: ['a', 'b', 'Ü'] });
    const { rowAt, starts } = groupOrder([first, second], ['k']);
    expect(Array.from(rowAt)).toEqual([1, 2, 3, 0, 4, 5]);
    expect(Array.from(starts)).toEqual([0, 1, 3, 5, 6]);
  });

  it('is one group in input order without keys, and no group for no rows', () => {
    const t = tableFromArrays({ n: new Int32Array([3, 1, 2]) });
    expect(groupOrder([t], [])).toEqual({ rowAt: Int32Array.from([0, 1, 2]), starts: Int32Array.from([0, 3]) });
    expect(groupOrder([], ['n'])).toEqual({ rowAt: new Int32Array(0), starts: Int32Array.from([0]) });
  });
});
