import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import type { PreviewRow } from '../../shared/runEvents.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data: TestData = {
  fields: [
    { name: 'a', type: 'v_wstring', size: 20 }, { name: 'b', type: 'string', size: 10 }, { name: 'n', type: 'int32' },
    { name: 'd', type: 'double' }, { name: 'day', type: 'date' },
  ],
  columns: {
    a: [' x ', 'Ärger ', null, '東京'],
    b: ['p', null, 'q', ' r'],
    n: [1, null, 3, 2_000_000_000],
    d: [1.5, 2.5, null, -1],
    day: ['2024-01-01', null, '2024-02-29', '2025-12-31'],
  },
};

const column = (rows: PreviewRow[], name: string) => rows.map((r) => r[name]);
const source = (expression: string) => `MultiFieldFormula: ${expression}`;

describe('multi-field formula through the engine', () => {
  it('gives the exact output metadata in update-only: in place, and copies with a new type', async () => {
    const inPlace = await runTool(engine, 'multi-field-formula', { fieldType: 'text', allOfType: true, expression: 'Trim([_CurrentField_])' }, data, { mode: 'update' });
    expect(inPlace.summary.tools.t.outputs.Output.metadata.fields).toEqual([
      { name: 'a', type: 'v_wstring', size: 20, source: source('Trim([_CurrentField_])') },
      { name: 'b', type: 'string', size: 10, source: source('Trim([_CurrentField_])') },
      ...data.fields.slice(2),
    ]);
    const copies = await runTool(engine, 'multi-field-formula', {
      fieldType: 'numeric', allOfType: true, copyOutput: true, addOn: '_x2', addOnPosition: 'suffix', changeFieldType: true, outputType: 'double', expression: '[_CurrentField_] * 2',
    }, data, { mode: 'update' });
    expect(copies.summary.tools.t.outputs.Output.metadata.fields).toEqual([
      ...data.fields, { name: 'n_x2', type: 'double', source: source('[_CurrentField_] * 2') }, { name: 'd_x2', type: 'double', source: source('[_CurrentField_] * 2') },
    ]);
  });

  for (const packetRows of [1, 2, 3]) {
    it(`updates every text field in place and copies numeric fields, in packets of ${packetRows}`, async () => {
      const trimmed = await runTool(engine, 'multi-field-formula', { fieldType: 'text', allOfType: true, expression: 'Trim([_CurrentField_])' }, data, { packetRows });
      expect(column(trimmed.outputs.Output, 'a')).toEqual(['x', 'Ärger', null, '東京']);
      expect(column(trimmed.outputs.Output, 'b')).toEqual(['p', null, 'q', 'r']);
      expect(column(trimmed.outputs.Output, 'day')).toEqual(data.columns.day);
      const doubled = await runTool(engine, 'multi-field-formula', {
        fieldType: 'numeric', allOfType: true, copyOutput: true, addOn: '_x2', addOnPosition: 'suffix', changeFieldType: true, outputType: 'double', expression: '[_CurrentField_] * 2',
      }, data, { packetRows });
      expect(column(doubled.outputs.Output, 'n')).toEqual(data.columns.n);
      expect(column(doubled.outputs.Output, 'n_x2')).toEqual([2, null, 6, 4_000_000_000]);
      expect(column(doubled.outputs.Output, 'd_x2')).toEqual([3, 5, null, -2]);
    });
  }

  it('gives each field its name and Alteryx type name', async () => {
    const config = { fields: ['day', 'n'], copyOutput: true, addOn: 'S_', changeFieldType: true, outputType: 'v_wstring', outputSize: 40, expression: '[_CurrentFieldName_] + ":" + [_CurrentFieldType_]' };
    const { outputs, summary } = await runTool(engine, 'multi-field-formula', config, data);
    // the copies come in input order: n before day
    expect(summary.tools.t.outputs.Output.metadata.fields.slice(5).map((f) => `${f.name}:${f.type}:${f.size}`)).toEqual(['S_n:v_wstring:40', 'S_day:v_wstring:40']);
    expect(column(outputs.Output, 'S_n')).toEqual(['n:Int32', 'n:Int32', 'n:Int32', 'n:Int32']);
    expect(column(outputs.Output, 'S_day')).toEqual(['day:Date', 'day:Date', 'day:Date', 'day:Date']);
  });

  it('includes fields unknown when the tool was set up, but not the ones left out', async () => {
    const text: TestData = { fields: ['x', 'y', 'z'].map((name) => ({ name, type: 'v_wstring' as const })), columns: { x: ['a '], y: ['b '], z: ['c '] } };
    const config = { fieldType: 'text', fields: ['x'], unselectedFields: ['y'], includeUnknown: true, expression: 'Trim([_CurrentField_]) + "!"' };
    const { outputs } = await runTool(engine, 'multi-field-formula', config, text);
    expect(outputs.Output).toEqual([{ x: 'a!', y: 'b ', z: 'c!' }]);
    const listed = await runTool(engine, 'multi-field-formula', { ...config, includeUnknown: false }, text);
    expect(listed.outputs.Output).toEqual([{ x: 'a!', y: 'b ', z: 'c ' }]);
  });

  it('lets a later field read the result of an earlier one', async () => {
    const config = { fields: ['b', 'a'], fieldType: 'text', expression: 'IIF([_CurrentFieldName_] = "a", Upper(Trim([_CurrentField_])), [a] + "|" + [_CurrentField_])' };
    const { outputs } = await runTool(engine, 'multi-field-formula', config, data, { packetRows: 2 });
    expect(column(outputs.Output, 'a')).toEqual(['X', 'ÄRGER', null, '東京']);
    expect([outputs.Output[0].b, outputs.Output[3].b]).toEqual(['X|p', '東京| r']);
  });

  it('warns with a count when a result does not fit the field type', async () => {
    const { outputs, messages } = await runTool(engine, 'multi-field-formula', { fields: ['n'], expression: '[_CurrentField_] * 2' }, data, { packetRows: 3 });
    expect(column(outputs.Output, 'n')).toEqual([2, null, 6, null]);
    expect(messages.join('\n')).toMatch(/field n \(int32\): 4000000000 does not fit: the value became null/);
  });

  it('writes nothing for an empty input', async () => {
    const empty: TestData = { fields: data.fields, columns: { a: [], b: [], n: [], d: [], day: [] } };
    const { summary } = await runTool(engine, 'multi-field-formula', { fieldType: 'text', allOfType: true, expression: 'Trim([_CurrentField_])' }, empty);
    expect(summary.tools.t.status).toBe('ok');
    expect(summary.tools.t.outputs.Output.records).toBe(0);
  });

  it('names the problem and the field', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ fields: ['a', 'day'], expression: '[_CurrentField_] > "2024"' }, /field "day": the expression gives bool, which cannot be written to a date field \(change the output type\?\)/],
      [{ fields: ['n'], expression: 'Trim([_CurrentField_])' }, /field "n": line 1, column 6: Argument 1 of Trim/],
      [{ fields: ['n'], fieldType: 'text', expression: '1' }, /field "n" is int32, not of the chosen type \(text\)/],
      [{ fields: ['zip'], expression: '1' }, /field "zip" is not in the input/],
      [{ fields: ['a'], copyOutput: true, addOn: '', expression: '1' }, /give the prefix or suffix/],
      [{ fieldType: 'bool', allOfType: true, expression: '1' }, /the input has no bool fields/],
      [{ fields: ['a'], expression: ' ' }, /the expression is empty/],
    ];
    for (const [config, message] of cases) {
      const { summary, messages } = await runTool(engine, 'multi-field-formula', config, data, { mode: 'update' });
      expect(summary.tools.t.status).toBe('error');
      expect(messages.join('\n')).toMatch(message);
    }
  });
});
