import { describe, expect, it } from 'vitest';
import { assignConnectionNames } from './connectionNames.js';

const to = (tool: string, anchor = 'Input') => ({ tool, anchor });
const from = { tool: 'a', anchor: 'Output' };

describe('assignConnectionNames', () => {
  it('numbers unnamed connections per input anchor in file order, skipping taken names', () => {
    const named = assignConnectionNames([
      { from, to: to('u') },
      { from, to: to('u'), name: '#2' },
      { from, to: to('u') },
      { from, to: to('v') },
    ]);
    expect(named.map((c) => c.name)).toEqual(['#1', '#2', '#3', '#1']);
  });
});
