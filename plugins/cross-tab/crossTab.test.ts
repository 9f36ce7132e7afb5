import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const sales: TestData = {
  fields: [{ name: 'region', type: 'v_string', size: 20 }, { name: 'month', type: 'v_wstring', size: 30 }, { name: 'qty', type: 'int32' }, { name: 'note', type: 'v_wstring' }],
  columns: {
    region: ['north', 'south', 'north', null, 'north', 'south', 'ñandú'],
    month: ['Jan', 'Jan', 'Feb', 'Jan', 'Jan', null, '2026 Q1'],
    qty: [1, 2, 3, 4, null, 6, 7],
    note: ['a', 'b', 'c', 'd', 'e', 'f', '東京'],
  },
};

const fieldList = (fields: { name: string; type: string; size?: number }[]) => fields.map((f) => `${f.name}:${f.type}${f.size ? `:${f.size}` : ''}`);

describe('cross-tab through the engine', () => {
  it('shows the group fields in update-only and says the new columns come from the data', async () => {
    const { summary, messages } = await runTool(engine, 'cross-tab', { groupFields: ['region'], headerField: 'month', valueField: 'qty', methods: ['sum'] }, sales, { mode: 'update' });
    expect(summary.tools.t.status).not.toBe('error');
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['region:v_string:20']);
    expect(messages).toEqual(['info: the new columns are named by the values of "month": they are known when the tool runs']);
  });

  for (const packetRows of [1, 2, 3, 1000]) {
    it(`sums per group and header, columns sorted, names made valid (packets of ${packetRows})`, async () => {
      const { summary, outputs } = await runTool(engine, 'cross-tab', { groupFields: ['region'], headerField: 'month', valueField: 'qty', methods: ['sum'] }, sales, { packetRows });
      expect(summary.status).toBe('ok');
      expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['region:v_string:20', '_2026_Q1:double', 'Feb:double', 'Jan:double', 'Null:double']);
      expect(outputs.Output).toEqual([
        { region: null, _2026_Q1: null, Feb: null, Jan: 4, Null: null },
        { region: 'north', _2026_Q1: null, Feb: 3, Jan: 1, Null: null },
        { region: 'south', _2026_Q1: null, Feb: null, Jan: 2, Null: 6 },
        { region: 'ñandú', _2026_Q1: 7, Feb: null, Jan: null, Null: null },
      ]);
    });
  }

  it('prefixes the method with several methods, and types each one', async () => {
    const config = { groupFields: ['region'], headerField: 'month', valueField: 'qty', methods: ['countNonNull', 'countWithNulls', 'avg', 'min', 'first', 'last', 'max', 'percentRow', 'percentColumn'] };
    const data: TestData = { fields: sales.fields, columns: { region: ['n', 'n', 'n', 's', 's'], month: ['Jan', 'Jan', 'Feb', 'Jan', 'Feb'], qty: [1, null, 3, 4, 6], note: ['', '', '', '', ''] } };
    const { summary, outputs } = await runTool(engine, 'cross-tab', config, data, { packetRows: 2 });
    expect(summary.status).toBe('ok');
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual([
      'region:v_string:20', 'Avg_Feb:double', 'Avg_Jan:double', 'Count_Feb:int64', 'Count_Jan:int64', 'CountWithNulls_Feb:int64', 'CountWithNulls_Jan:int64',
      'First_Feb:int32', 'First_Jan:int32', 'Last_Feb:int32', 'Last_Jan:int32', 'Max_Feb:int32', 'Max_Jan:int32', 'Min_Feb:int32', 'Min_Jan:int32',
      'PercentColumn_Feb:double', 'PercentColumn_Jan:double', 'PercentRow_Feb:double', 'PercentRow_Jan:double',
    ]);
    expect(outputs.Output).toEqual([
      { region: 'n', Avg_Feb: 3, Avg_Jan: 1, Count_Feb: '1', Count_Jan: '1', CountWithNulls_Feb: '1', CountWithNulls_Jan: '2', First_Feb: 3, First_Jan: 1, Last_Feb: 3, Last_Jan: null, Max_Feb: 3, Max_Jan: 1, Min_Feb: 3, Min_Jan: 1, PercentColumn_Feb: (3 / 9) * 100, PercentColumn_Jan: 20, PercentRow_Feb: 75, PercentRow_Jan: 25 },
      { region: 's', Avg_Feb: 6, Avg_Jan: 4, Count_Feb: '1', Count_Jan: '1', CountWithNulls_Feb: '1', CountWithNulls_Jan: '1', First_Feb: 6, First_Jan: 4, Last_Feb: 6, Last_Jan: 4, Max_Feb: 6, Max_Jan: 4, Min_Feb: 6, Min_Jan: 4, PercentColumn_Feb: (6 / 9) * 100, PercentColumn_Jan: 80, PercentRow_Feb: 60, PercentRow_Jan: 40 },
    ]);
  });

  it('concatenates text with the separator and truncates to the field size with a warning', async () => {
    const config = { groupFields: ['region'], headerField: 'month', valueField: 'note', methods: ['concat'], separator: ' | ', fieldSize: 7 };
    const { summary, outputs, messages } = await runTool(engine, 'cross-tab', config, sales, { packetRows: 3 });
    expect(summary.status).toBe('ok');
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['region:v_string:20', '_2026_Q1:v_wstring:7', 'Feb:v_wstring:7', 'Jan:v_wstring:7', 'Null:v_wstring:7']);
    expect(outputs.Output.map((r) => r.Jan)).toEqual(['d', 'a | e', 'b', null]);
    expect(outputs.Output.map((r) => r._2026_Q1)).toEqual([null, null, null, '東京']);
    const long = await runTool(engine, 'cross-tab', { ...config, fieldSize: 3 }, sales);
    expect(long.outputs.Output.map((r) => r.Jan)).toEqual(['d', 'a |', 'b', null]);
    expect(long.messages).toEqual(['warn: 1 concatenated value(s) were longer than the field size 3 and were truncated']);
    expect(messages).toEqual([]);
  });

  it('without group fields gives one row; header values that clean to one name share a column', async () => {
    const data: TestData = { fields: [{ name: 'h', type: 'v_string' }, { name: 'v', type: 'double' }], columns: { h: ['a b', 'a-b', 'a_b', '', '3'], v: [1, 2, 4, 8, 16] } };
    const { outputs, summary } = await runTool(engine, 'cross-tab', { headerField: 'h', valueField: 'v', methods: ['sum'] }, data, { packetRows: 2 });
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['_:double', '_3:double', 'a_b:double']);
    expect(outputs.Output).toEqual([{ _: 8, _3: 16, a_b: 7 }]);
  });

  it('gives the group fields and no rows for an empty input', async () => {
    const empty: TestData = { fields: sales.fields, columns: { region: [], month: [], qty: [], note: [] } };
    const { summary } = await runTool(engine, 'cross-tab', { groupFields: ['region'], headerField: 'month', valueField: 'qty', methods: ['sum'] }, empty);
    expect(summary.status).toBe('ok');
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['region:v_string:20']);
    expect(summary.tools.t.outputs.Output.records).toBe(0);
  });

  it('fails when header values differ only in case, naming both', async () => {
    const data: TestData = { fields: [{ name: 'h', type: 'v_string' }, { name: 'v', type: 'double' }], columns: { h: ['Jan', 'jan'], v: [1, 2] } };
    const { summary, messages } = await runTool(engine, 'cross-tab', { headerField: 'h', valueField: 'v', methods: ['sum'] }, data);
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join()).toMatch(/header values of "h" make the columns "Jan" and "jan", which differ only in case/);
  });

  it('names the problem when a field is missing or a method needs a number', async () => {
    const { summary, messages } = await runTool(engine, 'cross-tab', { groupFields: ['nope'], headerField: 'month', valueField: 'note', methods: ['sum', 'avg'] }, sales, { mode: 'update' });
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join('\n')).toMatch(/group field "nope" is not in the input/);
    expect(messages.join('\n')).toMatch(/method sum: value field "note" is v_wstring, not a number/);
    const grouped = await runTool(engine, 'cross-tab', { groupFields: ['month'], headerField: 'month', valueField: 'qty', methods: ['sum'] }, sales, { mode: 'update' });
    expect(grouped.messages.join()).toMatch(/the header field "month" is also a group field/);
  });
});
