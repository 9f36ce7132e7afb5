// Input Data options from Designer 2021.2 XML: code page 1252, the field length, the file name as a field.
import { describe, expect, it } from 'vitest';
import { importAndRun } from './importTestkit.js';

describe('Input Data options (2021.2 XML)', () => {
  it('read code page 1252, cut texts to the field length and add the file name', async () => {
    const run = await importAndRun('inputs-2021.yxmd', ['data/prices-1252.csv']);
    expect(run.report.status).toBe('ok');
    // no saved metadata: every field gets <FieldLen> (6); € and the curly quotes are 1252's
    expect(run.rows['1.Output']).toEqual([
      { item: 'Tee', price: '€5', note: '“soft”', FileName: 'prices-1252.csv' },
      { item: 'Mug', price: '€12', note: 'fine', FileName: 'prices-1252.csv' },
    ]);
    expect(run.summary.tools['1']!.messages.map((m) => m.text)).toEqual(['1 value(s) of "note" were cut to its size of 6 characters']);
    // saved metadata gives each field its own length; "Path" puts the full path in FileName
    const rows = run.rows['2.Output']!;
    expect(rows.map((r) => [r.item, r.price, r.note])).toEqual([['Te', '€5', '“sof'], ['Mu', '€12', 'fine']]);
    expect(rows[0]!.FileName).toMatch(/[\\/]data[\\/]prices-1252\.csv$/);
  });
});

describe('Input Data flat files (10.5 XML)', () => {
  it('read a one-field flat file (FileFormat 21) line by line, cut to its length, named and trimmed as Alteryx does', async () => {
    const run = await importAndRun('flat-file-10.yxmd', ['records-flat.txt']);
    expect(run.report.status).toBe('ok');
    expect(run.summary.status).toBe('ok');
    expect(run.rows['2.trim.Output']).toEqual([{ Record: '{"a": 1, "b": "x,y"}' }, { Record: '{"a": 2, "c": "a much lo' }]);
  });
});
