import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data: TestData = {
  fields: [{ name: 'i', type: 'int32' }, { name: 'g', type: 'v_string' }],
  columns: { i: Array.from({ length: 10 }, (_, i) => i), g: ['a', 'b', 'a', null, 'b', 'a', 'a', null, 'b', 'a'] },
};

async function picked(config: Record<string, unknown>, packetRows = 3): Promise<unknown[]> {
  const { outputs, summary } = await runTool(engine, 'sample', config, data, { packetRows });
  expect(summary.status).toBe('ok');
  return (outputs.Output ?? []).map((r) => r.i);
}

describe('sample through the engine', () => {
  it('first, last, skip and every Nth', async () => {
    expect(await picked({ mode: 'first', n: 4 })).toEqual([0, 1, 2, 3]);
    expect(await picked({ mode: 'last', n: 4 })).toEqual([6, 7, 8, 9]);
    expect(await picked({ mode: 'skip', n: 7 })).toEqual([7, 8, 9]);
    expect(await picked({ mode: 'everyNth', n: 3 })).toEqual([0, 3, 6, 9]);
    expect(await picked({ mode: 'first', n: 0 })).toEqual([]);
  });

  it('first percent, of the whole input and per group (rounded down), in input order', async () => {
    expect(await picked({ mode: 'firstPercent', percent: 30 })).toEqual([0, 1, 2]);
    expect(await picked({ mode: 'firstPercent', percent: 100 }, 4)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // groups a (5 rows) → 2, b (3) → 1, null (2) → 0 at 40%
    expect(await picked({ mode: 'firstPercent', percent: 40, groupBy: ['g'] }, 2)).toEqual([0, 1, 2]);
    expect(await picked({ mode: 'firstPercent', percent: 0 })).toEqual([]);
  });

  it('per group, keeping input order (null is a group)', async () => {
    expect(await picked({ mode: 'first', n: 2, groupBy: ['g'] })).toEqual([0, 1, 2, 3, 4, 7]);
    expect(await picked({ mode: 'last', n: 1, groupBy: ['g'] }, 2)).toEqual([7, 8, 9]);
    expect(await picked({ mode: 'everyNth', n: 2, groupBy: ['g'] })).toEqual([0, 1, 3, 5, 8, 9]);
  });

  it('random percent is deterministic for a seed and near the percent', async () => {
    const big: TestData = { fields: [{ name: 'i', type: 'int32' }], columns: { i: Array.from({ length: 20_000 }, (_, i) => i) } };
    const one = await runTool(engine, 'sample', { mode: 'randomPercent', percent: 25, seed: 42 }, big, { packetRows: 3000 });
    const two = await runTool(engine, 'sample', { mode: 'randomPercent', percent: 25, seed: 42 }, big, { packetRows: 700 });
    const other = await runTool(engine, 'sample', { mode: 'randomPercent', percent: 25, seed: 43 }, big, { packetRows: 3000 });
    expect(one.outputs.Output).toEqual(two.outputs.Output);
    expect(one.outputs.Output).not.toEqual(other.outputs.Output);
    expect(one.outputs.Output.length).toBeGreaterThan(4_700);
    expect(one.outputs.Output.length).toBeLessThan(5_300);
  });

  it('keeps the input metadata in update-only and names a missing group field', async () => {
    const ok = await runTool(engine, 'sample', { mode: 'first', n: 1 }, data, { mode: 'update' });
    expect(ok.summary.tools.t.outputs.Output.metadata).toEqual({ fields: data.fields });
    const bad = await runTool(engine, 'sample', { mode: 'first', n: 1, groupBy: ['nope'] }, data, { mode: 'update' });
    expect(bad.messages.join()).toMatch(/group-by field\(s\) not in the input: "nope"/);
  });
});
