// Tool configurations in the exact shapes of public Designer 10.5/11.0 workflows, with the project's own data.
import { describe, expect, it } from 'vitest';
import { importAndRun } from './importTestkit.js';

describe('real XML shapes (10.5)', () => {
  it('give the rows the Alteryx tools give', async () => {
    const run = await importAndRun('real-shapes-10.yxmd');
    expect(run.report.status).toBe('ok');
    expect(run.summary.status).toBe('ok');
    // Text To Columns to 3 columns, extra parts left in the last; Dynamic Rename from the first row
    // (a *Unknown entry without `selected` counts as selected, stale deselected entries are ignored)
    expect(run.rows['4.Output']).toEqual([{ Item: 'apple', Qty: '3', Unit: 'kg' }, { Item: 'pear', Qty: '5', Unit: 'kg|extra' }]);
    // Generate Rows 1..4, Multi-Row [Row+1:…] with NULL beyond the last row, DateTime dd-Mon-yy
    expect(run.rows['8.Output']).toEqual([
      { RowCount: 1, __diff__: 3, DateString: '01-Mar-26', DateTime_Out: '2026-03-01' },
      { RowCount: 2, __diff__: 5, DateString: '02-Mar-26', DateTime_Out: '2026-03-02' },
      { RowCount: 3, __diff__: 7, DateString: '03-Mar-26', DateTime_Out: '2026-03-03' },
      { RowCount: 4, __diff__: null, DateString: '04-Mar-26', DateTime_Out: '2026-03-04' },
    ]);
    // split to rows (no <RootName>) at the escaped delimiters \r\n
    expect(run.rows['10.Output']).toEqual([{ Log: 'Error: one' }, { Log: 'Info: two' }, { Log: 'Warning: three' }]);
  });
});

describe('real XML shapes (11.0)', () => {
  it('RegEx parse to typed fields, Transpose without key fields, Append Fields with its saved selection, Multi-Field Formula changing the type', async () => {
    const run = await importAndRun('real-shapes-11.yxmd');
    expect(run.report.status).toBe('ok');
    expect(run.summary.status).toBe('ok');
    expect(run.rows['10.Output']).toEqual([
      { Name: 'Part1', Value: 2 }, { Name: 'Part2', Value: 5 }, { Name: 'Part3', Value: 1 }, { Name: 'Part4', Value: 300 },
    ]);
    // the selection inside <SelectConfiguration>: Source_Part1/2 renamed, every other field dropped (*Unknown False)
    expect(run.rows['9.Output']).toEqual([
      { Part: 7, Value1: 2, Value2: 5, EngineVersion: 2.5 },
      { Part: 30, Value1: 2, Value2: 5, EngineVersion: 2.5 },
    ]);
    expect(run.rows['17.Output']).toEqual([{ Part: 'Part7' }, { Part: 'Part30' }]);
  });
});
