import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const customers: TestData = {
  fields: [{ name: 'id', type: 'int64' }, { name: 'name', type: 'v_wstring' }, { name: 'Right_name', type: 'v_string' }],
  columns: { id: [1n, 2n, null, 9007199254740993n, 4n], name: ['Ann', 'Bob', 'Nul', 'Big', 'Dee'], Right_name: ['x', 'y', 'z', 'w', 'v'] },
};
const orders: TestData = {
  fields: [{ name: 'customer', type: 'int32' }, { name: 'ID', type: 'double' }, { name: 'name', type: 'v_string' }],
  columns: { customer: [2, 1, null, 2, 7, 1], ID: [10, 11, 12, 13, 14, 15], name: ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'] },
};
const bigOrders: TestData = {
  fields: [{ name: 'k', type: 'int64' }, { name: 'what', type: 'v_string' }],
  columns: { k: [9007199254740993n, 9007199254740992n], what: ['exact', 'off by one'] },
};

function joinRun(left: TestData, right: TestData, keys: { left: string; right: string }[], mode: 'full' | 'update' = 'full') {
  return runTool(engine, 'join', { keys }, null, { mode, packetRows: 2, inputs: [{ anchor: 'Left', data: left }, { anchor: 'Right', data: right }] });
}

describe('join through the engine', () => {
  it('names clashing right fields Right_<name> in update-only (then Right_<name>_2)', async () => {
    const { summary } = await joinRun(customers, orders, [{ left: 'id', right: 'customer' }], 'update');
    expect(summary.tools.t.outputs.Join.metadata.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:int64', 'name:v_wstring', 'Right_name:v_string', 'customer:int32', 'Right_ID:double', 'Right_name_2:v_string',
    ]);
    expect(summary.tools.t.outputs.Left.metadata).toEqual({ fields: customers.fields });
    expect(summary.tools.t.outputs.Right.metadata).toEqual({ fields: orders.fields });
  });

  it('joins int64 to int32 keys in left order, nulls never match, unjoined rows on L and R', async () => {
    const { outputs, summary } = await joinRun(customers, orders, [{ left: 'id', right: 'customer' }]);
    expect(summary.status).toBe('ok');
    expect(outputs.Join.map((r) => `${r.name}-${r.Right_name_2}`)).toEqual(['Ann-o2', 'Ann-o6', 'Bob-o1', 'Bob-o4']);
    expect(outputs.Left.map((r) => r.name)).toEqual(['Nul', 'Big', 'Dee']);
    expect(outputs.Right.map((r) => r.name)).toEqual(['o3', 'o5']);
  });

  it('matches int64 keys beyond 2^53 exactly', async () => {
    const { outputs } = await joinRun(customers, bigOrders, [{ left: 'id', right: 'k' }]);
    expect(outputs.Join.map((r) => `${r.name}-${r.what}`)).toEqual(['Big-exact']);
  });

  it('refuses keys that cannot be compared', async () => {
    const { summary, messages } = await joinRun(customers, orders, [{ left: 'name', right: 'customer' }], 'update');
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join()).toMatch(/"name" \(v_wstring\) and "customer" \(int32\) cannot be compared/);
  });

  it('sends every right row to Right when the left input is empty', async () => {
    const empty: TestData = { fields: customers.fields, columns: { id: [], name: [], Right_name: [] } };
    const { outputs, summary } = await joinRun(empty, orders, [{ left: 'id', right: 'customer' }]);
    expect(summary.status).toBe('ok');
    expect(summary.tools.t.outputs.Join.records).toBe(0);
    expect(outputs.Right.map((r) => r.name)).toEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
  });
});
