import { describe, expect, it } from 'vitest';
import { convertValue, widenField, widenType } from './transformTypes.js';

describe('widenType', () => {
  it.each([
    ['int32', 'int64', 'int64'], ['byte', 'int16', 'int16'], ['int32', 'double', 'double'], ['float', 'float', 'float'],
    ['float', 'int16', 'double'], ['bool', 'int32', 'int32'], ['date', 'datetime', 'datetime'], ['string', 'wstring', 'v_wstring'],
    ['string', 'v_string', 'v_string'], ['int64', 'v_string', 'v_string'], ['date', 'time', 'v_wstring'], ['blob', 'int32', 'v_wstring'],
  ] as const)('%s + %s → %s', (a, b, out) => {
    expect(widenType(a, b)).toBe(out);
    expect(widenType(b, a)).toBe(out);
  });

  it('keeps the larger size', () => {
    expect(widenField({ name: 'x', type: 'v_string', size: 10 }, { name: 'X', type: 'v_string', size: 40 })).toEqual({ name: 'x', type: 'v_string', size: 40 });
  });
});

describe('convertValue', () => {
  it('converts text to numbers, and marks what cannot be held', () => {
    expect(convertValue(' 12.5 ', 'v_string', 'double')).toEqual({ value: 12.5, lost: false });
    expect(convertValue('n/a', 'v_string', 'double')).toEqual({ value: null, lost: true });
    expect(convertValue('9007199254740993', 'v_string', 'int64')).toEqual({ value: 9007199254740993n, lost: false });
    expect(convertValue(2.5, 'double', 'int32')).toEqual({ value: 3, lost: false });
    expect(convertValue(-2.5, 'double', 'int32')).toEqual({ value: -3, lost: false });
    expect(convertValue(300, 'int32', 'byte')).toEqual({ value: null, lost: true });
    expect(convertValue(null, 'int32', 'byte')).toEqual({ value: null, lost: false });
  });

  it('converts between text, dates and booleans', () => {
    expect(convertValue('2026-11-21 13:05:00', 'datetime', 'date').value).toBe('2026-11-21');
    expect(convertValue('2026-11-21', 'date', 'datetime').value).toBe('2026-11-21 00:00:00');
    expect(convertValue('2026-11-21 13:05:00', 'datetime', 'time').value).toBe('13:05:00');
    expect(convertValue(9007199254740993n, 'int64', 'v_string').value).toBe('9007199254740993');
    expect(convertValue(true, 'bool', 'v_string').value).toBe('True');
    expect(convertValue('yes', 'v_string', 'bool').value).toBe(true);
    expect(convertValue('13/01/2026', 'v_string', 'date')).toEqual({ value: null, lost: true });
  });
});
