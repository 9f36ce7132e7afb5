import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const sales: TestData = {
  fields: [{ name: 'store', type: 'v_wstring', size: 20 }, { name: 'amount', type: 'int32' }, { name: 'note', type: 'v_wstring', size: 50 }],
  columns: {
    store: ['b', 'a', 'b', null, 'a', 'b', 'Ürümqi'],
    amount: [10, 1, null, 5, 2, 30, 7],
    note: ['x', '東京', null, 'y', '', 'z', '😀'],
  },
};

const column = (rows: Record<string, unknown>[], name: string) => rows.map((r) => r[name]);

describe('multi-row formula through the engine', () => {
  it('gives the exact output metadata in update-only, for a new and an updated field', async () => {
    const created = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'Prev', type: 'int64', expression: '[Row-1:amount]' }, sales, { mode: 'update' });
    expect(created.summary.tools.t.outputs.Output.metadata.fields).toEqual([
      ...sales.fields, { name: 'Prev', type: 'int64', source: 'MultiRowFormula: [Row-1:amount]' },
    ]);
    const updated = await runTool(engine, 'multi-row-formula', { updateExisting: true, field: 'note', expression: '[Row+1:note] + "!"' }, sales, { mode: 'update' });
    expect(updated.summary.tools.t.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}:${f.size}`)).toEqual(['store:v_wstring:20', 'amount:int32:undefined', 'note:v_wstring:50']);
  });

  for (const packetRows of [1, 2, 3, 1000]) {
    it(`reads earlier and later rows across packets of ${packetRows} (null for rows that do not exist)`, async () => {
      const expression = 'IIF(IsNull([Row+3:amount]), -1, [Row+3:amount]) * 100 + IIF(IsNull([Row-2:amount]), -1, [Row-2:amount])';
      const { outputs, summary } = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'W', type: 'int64', missingRows: 'null', expression }, sales, { packetRows });
      expect(summary.tools.t.status).toBe('ok');
      expect(column(outputs.Output, 'store')).toEqual(sales.columns.store);
      expect(column(outputs.Output, 'note')).toEqual(sales.columns.note);
      expect(column(outputs.Output, 'W')).toEqual(['499', '199', '3010', '701', '-101', '-95', '-98']);
    });
  }

  it('fills rows that do not exist with 0 or empty, or the nearest row', async () => {
    const empty = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'P', type: 'v_wstring', missingRows: 'empty', expression: 'IIF(IsNull([Row-1:note]), "?", [Row-1:note]) + "/" + ToString(IIF(IsNull([Row+1:amount]), -1, [Row+1:amount]))' }, sales, { packetRows: 2 });
    expect(column(empty.outputs.Output, 'P')).toEqual(['/1', 'x/-1', '東京/5', '?/2', 'y/30', '/7', 'z/0']);
    const nearest = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'P', type: 'int32', missingRows: 'nearest', expression: '[Row-2:amount] * 1000 + [Row+2:amount]' }, sales, { packetRows: 3 });
    expect(column(nearest.outputs.Output, 'P')).toEqual([null, 10005, 10002, 1030, null, 5007, 2007]);
  });

  it('reads the new value of the computed field in earlier rows (a running total), across packets', async () => {
    for (const packetRows of [1, 2, 3]) {
      const { outputs } = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'Total', type: 'int64', expression: '[Row-1:Total] + IIF(IsNull([amount]), 0, [amount])' }, sales, { packetRows });
      expect(column(outputs.Output, 'Total')).toEqual(['10', '11', '11', '16', '18', '48', '55']);
    }
    // a later row read too: packets of one row are held back until the rows after them arrive
    for (const packetRows of [1, 2]) {
      const both = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'T', type: 'int32', expression: '[Row-1:T] + IIF(IsNull([Row+2:amount]), 0, [Row+2:amount])' }, sales, { packetRows });
      expect(column(both.outputs.Output, 'T')).toEqual([0, 5, 7, 37, 44, 44, 44]);
    }
    const updated = await runTool(engine, 'multi-row-formula', { updateExisting: true, field: 'amount', missingRows: 'nearest', expression: 'IIF(IsNull([amount]), [Row-1:amount], [amount] + [Row-1:amount])' }, sales, { packetRows: 2 });
    // the first row's nearest "row before" is itself, with its input value
    expect(column(updated.outputs.Output, 'amount')).toEqual([20, 21, 21, 26, 28, 58, 65]);
  });

  it('keeps offsets inside each group and writes the groups ordered by their values', async () => {
    const config = { updateExisting: false, field: 'Seq', type: 'int32', missingRows: 'empty', groupBy: ['store'], expression: '[Row-1:Seq] + 1' };
    const { outputs } = await runTool(engine, 'multi-row-formula', config, sales, { packetRows: 2 });
    expect(outputs.Output.map((r) => `${r.store}:${r.amount}:${r.Seq}`)).toEqual([
      'null:5:1', 'a:1:1', 'a:2:2', 'b:10:1', 'b:null:2', 'b:30:3', 'Ürümqi:7:1',
    ]);
    const lead = await runTool(engine, 'multi-row-formula', { ...config, field: 'Next', expression: '[Row+1:amount]', missingRows: 'null' }, sales, { packetRows: 1 });
    expect(column(lead.outputs.Output, 'Next')).toEqual([null, 2, null, null, 30, null, null]);
  });

  it('writes nothing for an empty input', async () => {
    const empty: TestData = { fields: sales.fields, columns: { store: [], amount: [], note: [] } };
    for (const groupBy of [[], ['store']]) {
      const { summary } = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'P', type: 'int32', groupBy, expression: '[Row+1:amount]' }, empty);
      expect(summary.tools.t.status).toBe('ok');
      expect(summary.tools.t.outputs.Output.records).toBe(0);
    }
  });

  it('names the problem: unknown fields, a field that exists, an expression of the wrong type', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ updateExisting: false, field: 'P', expression: '[Row-1:nope] + 1' }, /\[P\]: line 1, column 1: Unknown field \[Row-1:nope\]/],
      [{ updateExisting: true, field: 'missing', expression: '1' }, /the field to update, "missing", is not in the input/],
      [{ updateExisting: false, field: 'Amount', expression: '1' }, /already has a field "amount"/],
      [{ updateExisting: false, field: 'P', type: 'date', expression: '[Row-1:amount] > 1' }, /gives bool, which cannot be written to a date field/],
      [{ updateExisting: false, field: 'P', groupBy: ['zip'], expression: '1' }, /group-by field "zip" not in the input/],
    ];
    for (const [config, message] of cases) {
      const { summary, messages } = await runTool(engine, 'multi-row-formula', config, sales, { mode: 'update' });
      expect(summary.tools.t.status).toBe('error');
      expect(messages.join('\n')).toMatch(message);
    }
  });

  it('warns with a count when a value does not fit the field', async () => {
    const { outputs, messages } = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'B', type: 'byte', expression: '[Row-1:amount] * 20' }, sales, { packetRows: 2 });
    expect(column(outputs.Output, 'B')).toEqual([0, 200, 20, null, 100, 40, null]);
    expect(messages.join('\n')).toMatch(/field B \(byte\): 600 does not fit: the value became null$/m);
  });

  it('cuts text longer than the field size, with a warning counting the rows and naming the first', async () => {
    for (const packetRows of [1, 3, 1000]) {
      const { outputs, messages } = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'S', type: 'v_wstring', size: 2, expression: '[store] + "!"' }, sales, { packetRows });
      expect(column(outputs.Output, 'S')).toEqual(['b!', 'a!', 'b!', null, 'a!', 'b!', 'Ür']);
      expect(messages).toContain('warn: [S]: text longer than v_wstring(2) was truncated (row 7)');
    }
    // a running text: later rows read the cut value of earlier rows
    const running = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'R', type: 'v_string', size: 3, missingRows: 'empty', expression: '[Row-1:R] + "x"' }, sales, { packetRows: 2 });
    expect(column(running.outputs.Output, 'R')).toEqual(['x', 'xx', 'xxx', 'xxx', 'xxx', 'xxx', 'xxx']);
    expect(running.messages).toContain('warn: [R]: text longer than v_string(3) was truncated (4 rows, the first row 4)');
    const grouped = await runTool(engine, 'multi-row-formula', { updateExisting: false, field: 'G', type: 'v_wstring', size: 1, groupBy: ['store'], expression: '[note] + "?"' }, sales, { packetRows: 2 });
    expect(column(grouped.outputs.Output, 'G')).toEqual(['y', '東', '?', 'x', null, 'z', '😀']);
    expect(grouped.messages).toContain('warn: [G]: text longer than v_wstring(1) was truncated (5 rows, the first row 1)');
  });
});
