// The first fourteen tools' options, from Designer 2018.3 XML, imported and run.
import { describe, expect, it } from 'vitest';
import { importAndRun } from './importTestkit.js';

describe('Text Input, Filter, Formula, Sample, Unique, Union, Select, Summarize, Sort (2018.3 XML)', () => {
  it('give the rows the Alteryx tools give', async () => {
    const run = await importAndRun('basic-tools-2018.yxmd');
    expect(run.report.status).toBe('ok');
    expect(run.summary.status).toBe('ok');
    // Text Input types guessed: leading-zero codes stay text, a big whole number is int64, empty cells are null in numbers
    expect(run.workflow.tools.find((t) => t.id === '1')!.config.fields).toEqual([
      { name: 'id', type: 'int32' }, { name: 'name', type: 'v_wstring' }, { name: 'zip', type: 'v_wstring' },
      { name: 'price', type: 'double' }, { name: 'big', type: 'int64' }, { name: 'qty', type: 'int32' },
    ]);
    expect(run.rows['1.Output']![0]).toEqual({ id: 1, name: 'Anna', zip: '0990930', price: 9.5, big: '9007199254740993', qty: 3 });
    // Simple filter [qty] > 1: a null qty goes to False
    expect(run.workflow.tools.find((t) => t.id === '2')!.config).toEqual({ expression: '[qty] > 1' });
    expect(run.rows['2.True']!.map((r) => r.id)).toEqual([1, 4]);
    expect(run.rows['2.False']!.map((r) => r.id)).toEqual([2, 3]);
    // [User.rate] is the workflow constant 0.1; FixedDecimal 10.2
    expect(run.workflow.tools.find((t) => t.id === '3')!.config).toEqual({ formulas: [{ field: 'total', expression: '[price] * [qty] * (1 + 0.1)', type: 'fixeddecimal', size: 10, scale: 2 }] });
    expect(run.rows['3.Output']!.map((r) => r.total)).toEqual(['31.35', null]);
    // skip the first row of each name
    expect(run.rows['4.Output']!.map((r) => r.id)).toEqual([4]);
    expect(run.rows['5.Unique']!.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(run.rows['5.Duplicates']!.map((r) => r.id)).toEqual([4]);
    // Union by position, #1 before #2 although #2 comes first in the file
    expect(run.rows['7.Output']!.map((r) => r.id)).toEqual([1, 4, 4]);
    // Select: listed order, rename, *Unknown off drops the rest
    expect(run.rows['8.Output']![0]).toEqual({ postcode: '0990930', id: 1 });
    // Summarize: Alteryx's field order (a Select after it), groups sorted
    expect(run.rows['9.select.Output']).toEqual([
      { total_price: 9.5, name: 'Anna', zips: '1', Avg_qty: 3 },
      { total_price: 10, name: 'Bob', zips: '2', Avg_qty: 2 },
      { total_price: 2.25, name: 'Cara', zips: '1', Avg_qty: 1 },
    ]);
    // ascending puts the null price first
    expect(run.rows['10.Output']!.map((r) => r.price)).toEqual([null, 2.25, 9.5, 10]);
  });
});
