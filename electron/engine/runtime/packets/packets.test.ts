import { describe, expect, it } from 'vitest';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { vectorFromArray, Dictionary, Utf8, Int32, Table } from 'apache-arrow';
import type { Metadata } from '../../../../shared/metadata.js';
import { packetFromColumns, packetFromRows } from '../../../../shared/sdk/packetFactory.js';
import { decodePacket, encodePacket, type PacketWire } from './packetWire.js';
import { ArrowRecordPacket } from '../../../../shared/sdk/recordPacket.js';

const metadata: Metadata = {
  fields: [
    { name: 'id', type: 'int64' }, { name: 'amount', type: 'double', scale: 2 }, { name: 'name', type: 'v_wstring', size: 100 },
    { name: 'ok', type: 'bool' }, { name: 'day', type: 'date' }, { name: 'raw', type: 'blob' }, { name: 'n', type: 'int32' },
  ],
};

function roundTrip(packet: ArrowRecordPacket): ArrowRecordPacket {
  const { wire, transfer } = encodePacket(packet);
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(wire, transfer);
  const received = receiveMessageOnPort(port2)!.message as PacketWire;
  port1.close();
  return decodePacket(received, packet.metadata);
}

describe('record packets', () => {
  it('builds from rows with nulls and reads back values of each type', () => {
    const rows = [
      { id: 1n, amount: 1.5, name: 'ä', ok: true, day: '2026-11-21', raw: new Uint8Array([1, 2]), n: 7 },
      { id: null, amount: null, name: null, ok: null, day: null, raw: null, n: null },
      { id: 9007199254740993n, amount: -2, name: 'x', ok: false, day: '2020-01-01', raw: new Uint8Array([]), n: -3 },
    ];
    const packet = packetFromRows(metadata, rows);
    expect(packet.length).toBe(3);
    expect([...packet.rows()]).toEqual(rows);
    const field = packet.table.schema.fields[1];
    expect(field.metadata.get('ayx.type')).toBe('double');
    expect(field.metadata.get('ayx.scale')).toBe('2');
    expect(roundTrip(packet).metadata).toEqual(metadata);
    expect([...roundTrip(packetFromRows(metadata, rows)).rows()]).toEqual(rows);
  });

  it('uses a typed array without nulls as the column buffer (zero copy) and returns it from column()', () => {
    const amount = new Float64Array([1, 2, 3]);
    const packet = packetFromColumns({ fields: [{ name: 'amount', type: 'double' }] }, { amount });
    expect(packet.table.getChildAt(0)!.data[0].values.buffer).toBe(amount.buffer);
    const column = packet.column('amount');
    expect(column).toBeInstanceOf(Float64Array);
    expect(Array.from(column)).toEqual([1, 2, 3]);
    expect(packet.column('AMOUNT')).toBe(column);
  });

  it('transfers buffers: the sender side is detached after posting', () => {
    const amount = new Float64Array(1000).fill(2);
    const packet = packetFromColumns({ fields: [{ name: 'amount', type: 'double' }] }, { amount });
    const back = roundTrip(packet);
    expect(amount.byteLength).toBe(0);
    expect(back.column('amount')[999]).toBe(2);
  });

  it('round-trips sliced tables, several batches and dictionary-encoded strings', () => {
    const make = () => packetFromRows({ fields: [{ name: 'n', type: 'int32' }, { name: 's', type: 'string' }] },
      Array.from({ length: 20 }, (_, i) => ({ n: i % 3 === 0 ? null : i, s: i % 4 === 0 ? null : `s${i}` })));
    let base = make();
    const sliced = new ArrowRecordPacket(base.metadata, base.table.slice(5, 15));
    const expected = [...sliced.rows()];
    expect([...roundTrip(sliced).rows()]).toEqual(expected);
    base = make();
    const all = [...base.rows()];
    const twoBatches = new ArrowRecordPacket(base.metadata, base.table.slice(0, 4).concat(base.table.slice(4, 9)));
    expect(twoBatches.table.batches.length).toBe(2);
    expect([...roundTrip(twoBatches).rows()]).toEqual(all.slice(0, 9));
    const dict = vectorFromArray(['a', 'b', null, 'a'], new Dictionary(new Utf8(), new Int32()));
    const dictTable = new Table({ s: dict });
    const dictPacket = new ArrowRecordPacket({ fields: [{ name: 's', type: 'string' }] }, dictTable);
    expect(Array.from(roundTrip(dictPacket).column('s'))).toEqual(['a', 'b', null, 'a']);
  });

  it('rejects values that do not fit the field type, naming field and row', () => {
    expect(() => packetFromRows({ fields: [{ name: 'n', type: 'int32' }] }, [{ n: 1 }, { n: 'abc' }])).toThrow(/field 'n' \(int32\) row 1/);
    expect(() => packetFromRows({ fields: [{ name: 'n', type: 'int32' }] }, [{ m: 1 }])).toThrow(/'m'/);
    expect(() => packetFromColumns({ fields: [{ name: 'n', type: 'int32' }] }, {})).toThrow(/'n' is missing/);
  });
});
