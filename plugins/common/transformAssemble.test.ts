import { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { packetFromColumns, packetFromRows } from '../../shared/sdk/packetFactory.js';
import type { Metadata, Records } from '../../shared/sdk/index.js';
import { assemblePacket } from './transformAssemble.js';

const records: Records = { fromColumns: packetFromColumns, fromRows: packetFromRows };
const input: Metadata = { fields: [{ name: 'id', type: 'int64' }, { name: 'name', type: 'v_wstring', size: 20 }, { name: 'x', type: 'double' }] };

describe('assemblePacket', () => {
  it('puts computed fields in output order, passing the other input columns through', () => {
    const table = packetFromColumns(input, { id: [1n, 9007199254740993n, null], name: ['a', null, 'ü'], x: [1.5, 2, null] }).table as Table;
    const output: Metadata = { fields: [input.fields[0], { name: 'new', type: 'bool' }, input.fields[1], { name: 'x', type: 'v_string' }] };
    const packet = assemblePacket(records, table, output, { new: [true, null, false], x: ['1.5', '2', null] });
    expect([...packet.rows()]).toEqual([
      { id: 1n, new: true, name: 'a', x: '1.5' }, { id: 9007199254740993n, new: null, name: null, x: '2' }, { id: null, new: false, name: 'ü', x: null },
    ]);
    expect((packet.table as Table).schema.fields.map((f) => f.metadata.get('ayx.type'))).toEqual(['int64', 'bool', 'v_wstring', 'v_string']);
  });

  it('keeps a table of several batches in batches, and gives an empty packet for no rows', () => {
    const a = packetFromColumns(input, { id: [1n], name: ['a'], x: [1] }).table as Table;
    const b = packetFromColumns(input, { id: [2n, 3n], name: ['b', 'c'], x: [2, 3] }).table as Table;
    const two = new Table([...a.batches, ...b.batches]);
    const packet = assemblePacket(records, two, input, { x: [10, 20, 30] });
    expect((packet.table as Table).batches).toHaveLength(2);
    expect([...packet.rows()].map((r) => [r.name, r.x])).toEqual([['a', 10], ['b', 20], ['c', 30]]);
    const empty = assemblePacket(records, packetFromColumns(input, { id: [], name: [], x: [] }).table as Table, input, { x: [] });
    expect(empty.length).toBe(0);
    expect(empty.metadata).toEqual(input);
  });
});
