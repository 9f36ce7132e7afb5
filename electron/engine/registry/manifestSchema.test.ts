import { describe, expect, it } from 'vitest';
import { sdkRangeProblem } from './manifestSchema.js';

describe('sdk range check', () => {
  it.each(['*', '', '1', '1.x', '^1.0.0', '~1.0', '<2.0.0', '>=1 <2', '>=0.9.0', '1.0.0 || ^2.0.0'])('accepts %j on SDK 1.0.0', (range) => {
    expect(sdkRangeProblem(range, '1.0.0')).toBeNull();
  });

  it.each(['^1.2.0', '>1.0.0', '^2.0.0', '2.x', '<1.0.0', '~0.9.0'])('refuses %j on SDK 1.0.0, naming both', (range) => {
    expect(sdkRangeProblem(range, '1.0.0')).toBe(`sdk: requires SDK ${range}, this Weft offers 1.0.0`);
  });

  it('accepts ^1.2.0 once the SDK is 1.2.3', () => {
    expect(sdkRangeProblem('^1.2.0', '1.2.3')).toBeNull();
  });

  it('names a range it cannot read', () => {
    expect(sdkRangeProblem('one point oh', '1.0.0')).toBe('sdk: cannot read the range "one point oh"');
  });
});
