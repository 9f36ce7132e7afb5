// The tools added after the first fourteen, each imported from Alteryx XML and run.
import { describe, expect, it } from 'vitest';
import { importAndRun } from './importTestkit.js';

describe('row tools (Designer 2021.4 XML)', () => {
  it('Multi-Row Formula, Running Total, Cross Tab, Transpose, Data Cleansing (Cleanse.yxmc), Tile', async () => {
    const run = await importAndRun('row-tools-2021.yxmd');
    expect(run.report.status).toBe('ok');
    expect(run.summary.status).toBe('ok');
    // [Row-1:amount] per region, null where the row does not exist
    expect(run.rows['2.Output']!.map((r) => r.prev)).toEqual([null, 10, null, 5]);
    expect(run.rows['3.Output']!.map((r) => r.RunTot_amount)).toEqual(['10', '30', '5', '12']);
    expect(run.rows['4.Output']).toEqual([{ region: 'North', Feb: 20, Jan: 10 }, { region: 'South', Feb: 7, Jan: 5 }]);
    expect(run.rows['5.Output']).toEqual([
      { region: 'North', month: 'Jan', Name: 'amount', Value: 10 }, { region: 'North', month: 'Feb', Name: 'amount', Value: 20 },
      { region: 'South', month: 'Jan', Name: 'amount', Value: 5 }, { region: 'South', month: 'Feb', Name: 'amount', Value: 7 },
    ]);
    // the macro's own anchor (Input2) reaches Weft's Input
    expect(run.workflow.connections).toContainEqual({ from: { tool: '1', anchor: 'Output' }, to: { tool: '6', anchor: 'Input' } });
    expect(run.rows['6.Output']!.map((r) => r.note)).toEqual(['HELLO WORLD', 'OK', 'MIXED CASE', '']);
    expect(run.rows['7.Output']!.map((r) => [r.Tile_Num, r.Tile_SequenceNum])).toEqual([[1, 1], [1, 2], [2, 1], [2, 2]]);
  });
});

describe('parse tools (Designer 2025.1 XML)', () => {
  it('RegEx parse and tokenize, Text To Columns to columns and to rows, DateTime, Find Replace, Append Fields', async () => {
    const run = await importAndRun('parse-tools-2025.yxmd');
    expect(run.report.status).toBe('ok');
    expect(run.summary.status).toBe('ok');
    expect(run.rows['2.Output']!.map((r) => [r.letters, r.number])).toEqual([['AB', 12], ['EF', 5], [null, null]]);
    expect(run.rows['3.Output']!.map((r) => [r.id, r.codes])).toEqual([[1, 'AB-12'], [1, 'CD-34'], [2, 'EF-5'], [3, null]]);
    expect(run.rows['4.Output']!.map((r) => [r.part1, r.part2])).toEqual([['05', '03/2024'], ['28', '02/2023'], ['01', '12/2022']]);
    // no <RootName>: split to rows
    expect(run.rows['5.Output']!.map((r) => [r.id, r.codes])).toEqual([[1, 'AB-12'], [1, 'CD-34'], [2, 'EF-5'], [3, '']]);
    expect(run.rows['6.Output']!.map((r) => r.date)).toEqual(['2024-03-05', '2023-02-28', '2022-12-01']);
    expect(run.rows['8.Output']!.map((r) => [r.city, r.country])).toEqual([['Berlin', 'DE'], ['Paris', 'FR'], ['Oslo', null]]);
    // the Targets anchor is Weft's Target; day deselected, batch renamed
    expect(run.rows['10.Output']![0]).toEqual({ id: 1, codes: 'AB-12 CD-34', city: 'Berlin', date: '2024-03-05', batch_id: 'B7' });
  });
});

describe('Generate Rows and JSON Parse (Designer 2019.3 XML)', () => {
  it('repeat rows by init/condition/loop and split JSON text into name/value rows', async () => {
    const run = await importAndRun('generate-json-2019.yxmd');
    expect(run.report.status).toBe('ok');
    expect(run.rows['2.Output']!.map((r) => [r.order, r.copy])).toEqual([['A', 1], ['A', 2], ['B', 1]]);
    expect(run.rows['3.Output']!.map((r) => [r.order, r.JSON_Name, r.JSON_ValueString])).toEqual([
      ['A', 'sku', 'X1'], ['A', 'qty', '2'], ['B', 'sku', 'Y9'], ['B', 'tags.0', 'new'], ['B', 'tags.1', 'sale'],
    ]);
  });
});

describe('Join Multiple, Join by record position, Multi-Field Formula (2024.1 XML)', () => {
  it('join three inputs by key, join two by position, and copy an expression over fields', async () => {
    const run = await importAndRun('join-multiple-2024.yxmd');
    expect(run.report.status).toBe('ok');
    expect(run.rows['4.Output']).toEqual([{ id: 2, name: 'ben', score: 7, remark: 'ok' }, { id: 3, name: 'cy', score: 9, remark: 'late' }]);
    // Left is #1 and Right #2 of a Join Multiple by position; the colliding right id is Right_id, as Alteryx names it
    expect(run.workflow.connections).toContainEqual({ from: { tool: '2', anchor: 'Output' }, to: { tool: '5', anchor: 'Input' }, name: '#2' });
    expect(run.rows['5.Output']).toEqual([
      { id: 1, name: 'ada', Right_id: 2, score: 7 }, { id: 2, name: 'ben', Right_id: 3, score: 9 }, { id: 3, name: 'cy', Right_id: 4, score: 5 },
    ]);
    expect(run.rows['6.Output']!.map((r) => [r.name, r.Up_name])).toEqual([['ada', 'ADA'], ['ben', 'BEN'], ['cy', 'CY']]);
  });
});

describe('Dynamic Rename and Auto Field (2023.2 XML)', () => {
  it('take names from the first row, rename by formula, and narrow the types of text fields', async () => {
    const run = await importAndRun('rename-autofield-2023.yxmd');
    expect(run.report.status).toBe('ok');
    expect(run.rows['2.Output']).toEqual([{ 'Store Name': 'North', 'Units Sold': '12' }, { 'Store Name': 'South', 'Units Sold': '7' }]);
    expect(run.rows['3.Output']![0]).toEqual({ Store_Name: 'North', Units_Sold: '12' });
    expect(run.summary.tools['4']!.outputs.Output!.metadata.fields.map((f) => [f.name, f.type])).toEqual([['Store_Name', 'v_wstring'], ['Units_Sold', 'byte']]);
  });
});
