// Input Data and Output Data options (Designer 10.5 XML) and a Join's field selection (2022.1).
import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importAndRun } from './importTestkit.js';

async function salesWorkbook(folder: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Notes').addRow(['not this sheet']);
  const sheet = book.addWorksheet('Sales');
  sheet.addRow(['region', 'amount']);
  sheet.addRow(['North', 12.5]);
  sheet.addRow(['South', 7]);
  await book.xlsx.writeFile(path.join(folder, 'book.xlsx'));
}

describe('Input Data and Output Data (10.5 XML)', () => {
  it('read delimited text as Alteryx does, Excel sheets by path, and report .yxdb', async () => {
    const run = await importAndRun('inputs-10.yxmd', ['data/people.csv', 'lines.txt', 'skip.csv'], salesWorkbook);
    expect(run.report.tools.map((t) => t.status)).toEqual(['converted', 'converted', 'converted', 'converted', 'unsupported', 'converted']);
    // a relative path written with \, no header (Field_N), code page 28591, every field text
    expect(run.workflow.tools.find((t) => t.id === '1')!.config).toMatchObject({ path: 'data/people.csv', delimiter: ';', hasHeader: false, encoding: 'latin1' });
    expect(run.rows['1.Output']).toEqual([{ Field_1: '1', Field_2: 'Müller', Field_3: 'München' }, { Field_1: '2', Field_2: 'Zoë', Field_3: 'Köln' }]);
    // the \0 delimiter: each line whole, quotes and commas included; found beside the workflow by name
    expect(run.report.tools[1]!.notes[0]).toContain('using lines.txt found beside the workflow');
    expect(run.rows['2.Output']).toEqual([{ Field_1: 'a,b' }, { Field_1: 'c "d"' }]);
    // start on line 2, record limit 2 (a Sample after it)
    expect(run.rows['3.limit.Output']).toEqual([{ id: '1', val: 'x' }, { id: '2', val: 'y' }]);
    // file.xlsx|||`Sales$`
    expect(run.rows['4.Output']).toEqual([{ region: 'North', amount: 12.5 }, { region: 'South', amount: 7 }]);
    expect(run.report.tools[4]!.notes[0]).toMatch(/\.yxdb\) are not supported/);
    expect(run.summary.tools['5']!.status).toBe('error');
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(path.join(run.folder, 'result.xlsx'));
    expect(written.getWorksheet('Totals')!.getRow(2).values).toEqual([undefined, 'North', 12.5]);
    await fs.rm(run.folder, { recursive: true, force: true });
  });
});

describe('Join field selection (2022.1 XML)', () => {
  it('deselects, renames and retypes Left_/Right_ fields after the join', async () => {
    const run = await importAndRun('join-select-2022.yxmd');
    expect(run.report.status).toBe('ok');
    expect(run.workflow.connections).toContainEqual({ from: { tool: '3.select', anchor: 'Output' }, to: { tool: '4', anchor: 'Input' } });
    expect(run.workflow.connections).toContainEqual({ from: { tool: '3', anchor: 'Right' }, to: { tool: '5', anchor: 'Input' } });
    expect(run.rows['3.select.Output']).toEqual([
      { id: 2, left_name: 'Ben', city: 'Oslo', other_name: 'Benjamin', score: 7 },
      { id: 3, left_name: 'Cy', city: 'Lima', other_name: 'Cyrus', score: 9 },
    ]);
    expect(run.rows['3.Right']).toEqual([{ id: 4, name: 'Dee', score: 5 }]);
  });
});
