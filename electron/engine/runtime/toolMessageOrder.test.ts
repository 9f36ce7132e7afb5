import { describe, expect, it } from 'vitest';
import { ToolMessageOrder } from './toolMessageOrder.js';

const metadata = { fields: [] };

describe('ToolMessageOrder', () => {
  it('takes the order the tool host keeps: open, count, close, done', () => {
    const order = new ToolMessageOrder(['Output']);
    expect(order.check({ type: 'anchor-opened', anchor: 'Output', metadata })).toBeNull();
    expect(order.check({ type: 'anchor-records', anchor: 'Output', records: 3 })).toBeNull();
    expect(order.check({ type: 'anchor-closed', anchor: 'Output', records: 3, preview: [], truncated: true })).toBeNull();
    expect(order.check({ type: 'done' })).toBeNull();
  });

  it('refuses an unknown anchor, counts before open or after close, and done with an anchor still open', () => {
    const order = new ToolMessageOrder(['Output']);
    expect(order.check({ type: 'anchor-opened', anchor: 'Other', metadata })).toMatch(/not one of its output anchors/);
    expect(order.check({ type: 'anchor-records', anchor: 'Output', records: 1 })).toMatch(/not open/);
    expect(order.check({ type: 'anchor-opened', anchor: 'Output', metadata })).toBeNull();
    expect(order.check({ type: 'done' })).toMatch(/done while 'Output' had not closed/);
    expect(order.check({ type: 'anchor-closed', anchor: 'Output', records: 0, preview: [], truncated: false })).toBeNull();
    expect(order.check({ type: 'anchor-closed', anchor: 'Output', records: 0, preview: [], truncated: false })).toMatch(/not open/);
  });
});
