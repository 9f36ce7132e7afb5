import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const orders: TestData = {
  fields: [{ name: 'id', type: 'int64' }, { name: 'amount', type: 'double' }, { name: 'note', type: 'v_wstring', size: 20 }],
  columns: { id: [1n, 2n, 9007199254740993n], amount: [10, null, 2.5], note: ['a', 'ñ', null] },
};
const rates: TestData = {
  fields: [{ name: 'currency', type: 'string', size: 3 }, { name: 'rate', type: 'double' }, { name: 'note', type: 'v_wstring' }],
  columns: { currency: ['EUR', '東京'], rate: [1.1, null], note: ['x', 'y'] },
};
const feeds = (target: TestData, source: TestData) => [{ anchor: 'Target', data: target }, { anchor: 'Source', data: source }];
const fieldList = (fields: { name: string; type: string; size?: number }[]) => fields.map((f) => `${f.name}:${f.type}${f.size ? `:${f.size}` : ''}`);

describe('append-fields through the engine', () => {
  it('shows Target then Source fields, a clashing Source name as Source_<name>, in update-only', async () => {
    const { summary } = await runTool(engine, 'append-fields', {}, null, { mode: 'update', inputs: feeds(orders, rates) });
    expect(summary.tools.t.status).not.toBe('error');
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int64', 'amount:double', 'note:v_wstring:20', 'currency:string:3', 'rate:double', 'Source_note:v_wstring']);
  });

  for (const packetRows of [1, 2, 3]) {
    it(`appends every Source row to every Target row, Target order first (packets of ${packetRows})`, async () => {
      const { summary, outputs, messages } = await runTool(engine, 'append-fields', {}, null, { packetRows, inputs: feeds(orders, rates) });
      expect(summary.status).toBe('ok');
      expect(messages).toEqual([]);
      expect(outputs.Output).toEqual([
        { id: '1', amount: 10, note: 'a', currency: 'EUR', rate: 1.1, Source_note: 'x' },
        { id: '1', amount: 10, note: 'a', currency: '東京', rate: null, Source_note: 'y' },
        { id: '2', amount: null, note: 'ñ', currency: 'EUR', rate: 1.1, Source_note: 'x' },
        { id: '2', amount: null, note: 'ñ', currency: '東京', rate: null, Source_note: 'y' },
        { id: '9007199254740993', amount: 2.5, note: null, currency: 'EUR', rate: 1.1, Source_note: 'x' },
        { id: '9007199254740993', amount: 2.5, note: null, currency: '東京', rate: null, Source_note: 'y' },
      ]);
    });
  }

  it('deselects and renames fields of either side, drops unlisted ones when asked', async () => {
    const config = { targetFields: [{ field: 'amount', selected: false }, { field: 'ID', rename: 'order_id' }], sourceFields: [{ field: 'rate', rename: 'fx' }, { field: 'gone' }], unknownFields: 'drop' };
    const { summary, outputs, messages } = await runTool(engine, 'append-fields', config, null, { inputs: feeds(orders, rates) });
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['order_id:int64', 'fx:double']);
    expect(outputs.Output.slice(0, 2)).toEqual([{ order_id: '1', fx: 1.1 }, { order_id: '1', fx: null }]);
    expect(messages).toEqual(['warn: Source field "gone" is not in the Source input']);
  });

  it('warns, fails or stays silent past 16 Source records, as chosen', async () => {
    const many: TestData = { fields: [{ name: 'k', type: 'int32' }], columns: { k: Array.from({ length: 17 }, (_, i) => i) } };
    const warned = await runTool(engine, 'append-fields', {}, null, { inputs: feeds(orders, many) });
    expect(warned.summary.tools.t.outputs.Output.records).toBe(51);
    expect(warned.messages).toEqual(['warn: the Source has 17 records, more than 16: each Target record is appended 17 times']);
    const failed = await runTool(engine, 'append-fields', { limitMode: 'error' }, null, { inputs: feeds(orders, many) });
    expect(failed.summary.tools.t.status).toBe('error');
    expect(failed.messages.join()).toMatch(/the Source has 17 records, more than 16/);
    const allowed = await runTool(engine, 'append-fields', { limitMode: 'allowAll' }, null, { inputs: feeds(orders, many) });
    expect(allowed.messages).toEqual([]);
    expect(allowed.outputs.Output.length).toBe(51);
    const sixteen = await runTool(engine, 'append-fields', { limitMode: 'error' }, null, { inputs: feeds(orders, { fields: many.fields, columns: { k: many.columns.k.slice(0, 16) } }) });
    expect(sixteen.summary.tools.t.status).toBe('ok');
  });

  it('gives no rows when either side is empty', async () => {
    const noRates: TestData = { fields: rates.fields, columns: { currency: [], rate: [], note: [] } };
    const a = await runTool(engine, 'append-fields', {}, null, { inputs: feeds(orders, noRates) });
    expect(a.summary.tools.t.status).toBe('ok');
    expect(a.summary.tools.t.outputs.Output.records).toBe(0);
    const noOrders: TestData = { fields: orders.fields, columns: { id: [], amount: [], note: [] } };
    const b = await runTool(engine, 'append-fields', {}, null, { inputs: feeds(noOrders, rates) });
    expect(b.summary.tools.t.outputs.Output.records).toBe(0);
  });
});
