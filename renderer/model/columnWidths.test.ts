import { describe, expect, it } from 'vitest';
import { MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, clampColumnWidth, columnWidths, type MeasureText } from './columnWidths.js';

/** 10 px per character, headers too: easy to reason about */
const tenPerChar: MeasureText = (text) => text.length * 10;

describe('columnWidths', () => {
  it('fits the header and the widest sampled value, plus padding', () => {
    const widths = columnWidths(['region', 'Sum_total'], [{ region: 'North', Sum_total: 6339.540000000001 }, { region: 'Coastal', Sum_total: 12 }], tenPerChar);
    // region: "Coastal" 70 px beats the header 60+6; Sum_total: the header (90+6) beats "6339.54" (70)
    expect(widths).toEqual([70 + 21, 96 + 21]);
  });

  it('keeps narrow columns readable and wide ones from taking the whole grid', () => {
    const widths = columnWidths(['n', 'text'], [{ n: 1, text: 'x'.repeat(500) }], tenPerChar);
    expect(widths).toEqual([MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH]);
  });

  it('reads nulls as [Null] and skips rows not loaded yet', () => {
    expect(columnWidths(['a'], [undefined, { a: null }], tenPerChar)).toEqual([clampColumnWidth(60 + 21)]);
    expect(columnWidths(['abcdefghij'], [undefined], tenPerChar)).toEqual([100 + 6 + 21]);
  });

  it('looks at the first hundred rows only', () => {
    const rows = Array.from({ length: 150 }, (_, index) => ({ a: index < 100 ? 'short' : 'a much longer value' }));
    expect(columnWidths(['a'], rows, tenPerChar)).toEqual([clampColumnWidth(50 + 21)]);
  });

  it('the default estimate sizes a typical grid without a canvas', () => {
    const [id, amount] = columnWidths(['id', 'amount'], [{ id: 1, amount: 1234.5 }]);
    expect(id).toBe(MIN_COLUMN_WIDTH);
    expect(amount).toBeGreaterThan(MIN_COLUMN_WIDTH);
    expect(amount).toBeLessThan(120);
  });
});
