import { describe, expect, it } from 'vitest';
import { cellText, isNumeric } from './cellText.js';

describe('cellText', () => {
  it('shows doubles without binary noise, and integers, text and booleans as they are', () => {
    expect(cellText(6339.540000000001)).toBe('6339.54');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(1 / 3)).toBe('0.333333333333333');
    expect(cellText(1e-7)).toBe('1e-7');
    expect(cellText(9007199254740993)).toBe('9007199254740992');
    expect(cellText(-12)).toBe('-12');
    expect(cellText(Number.NaN)).toBe('NaN');
    expect(cellText('6339.540000000001')).toBe('6339.540000000001');
    expect(cellText(true)).toBe('true');
  });

  it('marks nulls and leaves missing cells empty', () => {
    expect(cellText(null)).toBe('[Null]');
    expect(cellText(undefined)).toBe('');
    expect(isNumeric(3.5)).toBe(true);
    expect(isNumeric('3.5')).toBe(false);
  });
});
