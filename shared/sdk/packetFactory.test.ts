import { describe, expect, it } from 'vitest';
import { packetFromColumns, packetFromRows } from './packetFactory.js';

const one = (type: string, value: unknown) => packetFromRows({ fields: [{ name: 'x', type: type as 'int32' }] }, [{ x: value as number }]);

describe('value conversion at the packet boundary', () => {
  it('integers outside their field type are an error naming field and row, not a silent wrap-around', () => {
    expect(() => one('byte', 300)).toThrow("field 'x' (byte) row 0: number 300 is out of range (0..255)");
    expect(() => one('byte', -1)).toThrow(/out of range/);
    expect(() => one('int16', 40000)).toThrow(/out of range \(-32768\.\.32767\)/);
    expect(() => one('int32', 2 ** 40)).toThrow(/out of range/);
    expect(() => one('int32', Number.NaN)).toThrow(/out of range/);
    expect(() => one('int64', 2n ** 63n)).toThrow("field 'x' (int64) row 0: bigint 9223372036854775808 is out of the int64 range");
    expect(() => packetFromColumns({ fields: [{ name: 'x', type: 'byte' }] }, { x: [1, 256] })).toThrow(/row 1: number 256 is out of range/);
  });

  it('the edges of each range still fit', () => {
    expect(one('byte', 255).column('x')[0]).toBe(255);
    expect(one('int16', -32768).column('x')[0]).toBe(-32768);
    expect(one('int32', 2147483647).column('x')[0]).toBe(2147483647);
    expect(one('int64', 2n ** 63n - 1n).column('x')[0]).toBe(2n ** 63n - 1n);
    expect(one('int64', -(2n ** 63n)).column('x')[0]).toBe(-(2n ** 63n));
  });

  it('a Date given for date/time/datetime becomes ISO text (UTC)', () => {
    const when = new Date('2026-11-21T13:05:00Z');
    expect(one('date', when).column('x')[0]).toBe('2026-11-21');
    expect(one('time', when).column('x')[0]).toBe('13:05:00');
    expect(one('datetime', when).column('x')[0]).toBe('2026-11-21 13:05:00');
    expect(one('datetime', new Date('2026-11-21T13:05:00.250Z')).column('x')[0]).toBe('2026-11-21 13:05:00.250');
    expect(() => one('date', new Date('nope'))).toThrow(/is not a valid date/);
  });
});
