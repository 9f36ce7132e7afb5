import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData, type TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const people: TestData = {
  fields: [{ name: 'name', type: 'v_wstring' }, { name: 'n', type: 'int32' }, { name: 'big', type: 'int64' }, { name: 'day', type: 'date' }],
  columns: {
    name: ['b', 'a', 'B', null, 'é', '😀', '\uffff', 'a', 'Z'],
    n: [3, 1, 2, 5, null, 4, 6, 1, 0],
    big: [9007199254740993n, 9007199254740992n, -1n, null, 0n, 9007199254740994n, 2n, 3n, -9007199254740993n],
    day: ['2026-11-21', '1999-01-01', null, '2026-01-31', '2026-11-20', '2000-02-29', '2026-11-21', '1970-01-01', '2100-12-31'],
  },
};

describe('sort through the engine', () => {
  it('keeps the input metadata in update-only', async () => {
    const { summary } = await runTool(engine, 'sort', { keys: [{ field: 'n' }] }, people, { mode: 'update' });
    expect(summary.tools.t.outputs.Output.metadata.fields).toEqual(people.fields);
  });

  it('sorts strings by code point, nulls last by default, stable', async () => {
    const { outputs } = await runTool(engine, 'sort', { keys: [{ field: 'name' }] }, people, { packetRows: 2 });
    expect(outputs.Output.map((r) => r.name)).toEqual(['B', 'Z', 'a', 'a', 'b', 'é', '\uffff', '😀', null]);
    // the two 'a' rows keep their input order (n = 1 with big …992, then big 3)
    expect(outputs.Output.filter((r) => r.name === 'a').map((r) => r.big)).toEqual(['9007199254740992', '3']);
  });

  it('sorts int64 beyond 2^53 exactly, descending, nulls first', async () => {
    const { outputs } = await runTool(engine, 'sort', { keys: [{ field: 'big', order: 'desc', nulls: 'first' }] }, people);
    expect(outputs.Output.map((r) => r.big)).toEqual([null, '9007199254740994', '9007199254740993', '9007199254740992', '3', '2', '0', '-1', '-9007199254740993']);
  });

  it('sorts by several keys: date desc, then n asc', async () => {
    const { outputs } = await runTool(engine, 'sort', { keys: [{ field: 'day', order: 'desc' }, { field: 'n' }] }, people);
    expect(outputs.Output.map((r) => `${r.day}/${r.n}`)).toEqual([
      '2100-12-31/0', '2026-11-21/3', '2026-11-21/6', '2026-11-20/null', '2026-01-31/5', '2000-02-29/4', '1999-01-01/1', '1970-01-01/1', 'null/2',
    ]);
  });

  it('spills sorted runs to disk past a tiny memory budget and merges them stably', async () => {
    const data = generateData(8_000, 5);
    const keys = [{ field: 'grp' }, { field: 'cat', order: 'desc' }];
    const inMemory = await runTool(engine, 'sort', { keys }, data, { packetRows: 500 });
    const spilled = await runTool(engine, 'sort', { keys, memoryBudgetMB: 0.05 }, data, { packetRows: 500 });
    expect(spilled.summary.status).toBe('ok');
    expect(spilled.messages.join('\n')).toMatch(/sorted \d+ run\(s\) on disk/);
    expect(inMemory.messages.join('\n')).not.toMatch(/on disk/);
    expect(spilled.outputs.Output.length).toBe(8_000);
    expect(spilled.outputs.Output).toEqual(inMemory.outputs.Output);
  });

  it('passes an empty input through with its metadata', async () => {
    const empty: TestData = { fields: people.fields, columns: { name: [], n: [], big: [], day: [] } };
    const { summary } = await runTool(engine, 'sort', { keys: [{ field: 'n' }] }, empty);
    expect(summary.status).toBe('ok');
    expect(summary.tools.t.outputs.Output.records).toBe(0);
  });

  it('names a missing key field', async () => {
    const { summary, messages } = await runTool(engine, 'sort', { keys: [{ field: 'gone' }] }, people, { mode: 'update' });
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join()).toMatch(/sort key 1: field "gone" is not in the input/);
  });
});
