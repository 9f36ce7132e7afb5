/** Any anchor of a past run, paged, sorted and profiled from the anchor cache (real engine, real files). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';
import { AnchorRowsReader } from './anchorRows.js';

let engine: TestEngine;
let runId: string;

beforeAll(async () => {
  engine = await createTestEngine();
  const rows = Array.from({ length: 3000 }, (_, i) => [String(i), i % 7 === 0 ? '' : ['north', 'south', 'east'][i % 3], String((i * 37) % 1000)]);
  const { summary } = await engine.run(testWorkflow({
    t: { plugin: 'weft/text-input', config: { fields: [{ name: 'id', type: 'int32' }, { name: 'region', type: 'v_string' }, { name: 'amount', type: 'double' }], rows } },
    f: { plugin: 'weft/formula', config: { formulas: [{ field: 'twice', type: 'double', expression: '[amount] * 2' }] } },
  }, [['t.Output', 'f.Input']]), { cache: 'keep' });
  expect(summary.status).toBe('ok');
  runId = summary.runId;
});
afterAll(async () => engine?.dispose());

describe('AnchorRowsReader', () => {
  it('pages through every row of a tool that is not a Browse, in order or sorted by a field', async () => {
    const reader = new AnchorRowsReader(engine.runner.anchorCacheStore);
    const page = await reader.page(runId, 'f', 'Output', 2990, 100, null);
    expect(page.total).toBe(3000);
    expect(page.rows.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => 2990 + i));
    const sorted = await reader.page(runId, 'f', 'Output', 0, 3, { field: 'twice', descending: true });
    expect(sorted.rows.map((r) => r.twice)).toEqual([1998, 1998, 1998]);
    const ascending = await reader.page(runId, 'f', 'Output', 0, 1, { field: 'amount', descending: false });
    expect(ascending.rows[0].amount).toBe(0);
  });

  it('profiles each field: nulls, distinct, min/max, histogram or top values', async () => {
    const reader = new AnchorRowsReader(engine.runner.anchorCacheStore);
    const profile = await reader.profile(runId, 'f', 'Output');
    expect(profile.records).toBe(3000);
    const amount = profile.fields.find((f) => f.name === 'amount')!;
    expect(amount).toMatchObject({ type: 'double', nulls: 0, distinct: 1000, distinctApproximate: false, min: 0, max: 999 });
    expect(amount.histogram!.reduce((a, b) => a + b, 0)).toBe(3000);
    const region = profile.fields.find((f) => f.name === 'region')!;
    // an empty text is a value, not a null
    expect(region.top!.map((t) => t.value).sort()).toEqual(['', 'east', 'north', 'south']);
    expect(region.top!.find((t) => t.value === '')!.count).toBe(429);
    expect(region.nulls + region.top!.reduce((a, t) => a + t.count, 0)).toBe(3000);
    expect(region).toMatchObject({ distinct: 4, min: '', max: 'south', histogram: null });
  });

  it('says clearly when a run kept no rows of the tool', async () => {
    const reader = new AnchorRowsReader(engine.runner.anchorCacheStore);
    await expect(reader.page(runId, 'nope', 'Output', 0, 10, null)).rejects.toThrow(/kept no rows of tool "nope"/);
  });
});
