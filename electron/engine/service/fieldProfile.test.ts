import { vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { DISTINCT_EXACT_LIMIT } from '../../../shared/anchorData.js';
import { profileField } from './fieldProfile.js';

describe('profileField', () => {
  it('counts distinct values exactly up to the limit, then estimates them within a few percent', () => {
    const exact = profileField({ name: 'k', type: 'int32' }, vectorFromArray(Int32Array.from({ length: 20_000 }, (_, i) => i % 5_000)));
    expect(exact).toMatchObject({ distinct: 5_000, distinctApproximate: false, nulls: 0, min: 0, max: 4_999 });
    const many = DISTINCT_EXACT_LIMIT * 3;
    const sketched = profileField({ name: 'k', type: 'v_string' }, vectorFromArray(Array.from({ length: many }, (_, i) => `value ${i}`)));
    expect(sketched.distinctApproximate).toBe(true);
    expect(Math.abs(sketched.distinct - many) / many).toBeLessThan(0.1);
  });

  it('counts nulls, and bins numbers between min and max', () => {
    const profile = profileField({ name: 'x', type: 'double' }, vectorFromArray([1, null, 2, 3, null, 12]));
    expect(profile).toMatchObject({ nulls: 2, distinct: 4, min: 1, max: 12, top: null });
    expect(profile.histogram!.reduce((a, b) => a + b, 0)).toBe(4);
    expect(profile.histogram!.slice(0, 3)).toEqual([1, 1, 1]);
    expect(profile.histogram!.at(-1)).toBe(1);
  });
});
