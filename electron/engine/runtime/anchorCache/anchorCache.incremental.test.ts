/**
 * The anchor cache through the real engine: built-in tools in real worker threads over a real CSV
 * file, a 6-tool chain run full and then incrementally after each kind of edit.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../shared/runEvents.js';
import { createTestEngine, testWorkflow, type TestEngine } from '../../testing/index.js';

let engine: TestEngine;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'weft-cache-test-'));
  const lines = ['id,region,amount'];
  for (let i = 1; i <= 500; i++) lines.push(`${i},${['north', 'south', 'east'][i % 3]},${(i * 7) % 113}`);
  await fs.writeFile(path.join(dir, 'orders.csv'), `${lines.join('\n')}\n`);
  engine = await createTestEngine();
});
afterAll(async () => {
  await engine?.dispose();
  await fs.rm(dir, { recursive: true, force: true });
});

function chain(edits: { threshold?: number; lastStart?: number; formula?: string } = {}) {
  return testWorkflow({
    t1: { plugin: 'weft/input-data', config: { path: 'orders.csv' } },
    t2: { plugin: 'weft/filter', config: { expression: `[amount] > ${edits.threshold ?? 20}` } },
    t3: { plugin: 'weft/formula', config: { formulas: [{ field: 'double', type: 'int32', expression: edits.formula ?? '[amount] * 2' }] } },
    t4: { plugin: 'weft/select', config: { fields: [{ field: 'region', rename: 'area' }], newFields: 'keep' } },
    t5: { plugin: 'weft/sort', config: { keys: [{ field: 'double', order: 'desc' }, { field: 'id' }] } },
    t6: { plugin: 'weft/record-id', config: { fieldName: 'n', start: edits.lastStart ?? 1 } },
  }, [['t1.Output', 't2.Input'], ['t2.True', 't3.Input'], ['t3.Output', 't4.Input'], ['t4.Output', 't5.Input'], ['t5.Output', 't6.Input']]);
}

const cachedTools = (summary: RunSummary) => Object.keys(summary.tools).filter((id) => summary.tools[id].cached === true).sort();
const records = (summary: RunSummary, tool: string, anchor = 'Output') => summary.tools[tool].outputs[anchor]?.records;

describe('incremental runs', () => {
  it('edit the last tool: only it runs, and gives the rows a full run gives', async () => {
    const first = await engine.run(chain(), { workflowDir: dir, cache: 'keep' });
    expect(first.summary.status).toBe('ok');
    expect(cachedTools(first.summary)).toEqual([]);

    const edited = chain({ lastStart: 100 });
    const incremental = await engine.run(edited, { workflowDir: dir, cache: 'reuse' });
    const full = await engine.run(edited, { workflowDir: dir, cache: 'off' });
    expect(incremental.summary.status).toBe('ok');
    expect(cachedTools(incremental.summary)).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(records(incremental.summary, 't6')).toBe(records(full.summary, 't6'));
    expect(incremental.previews['t6.Output']).toEqual(full.previews['t6.Output']);
    expect(incremental.previews['t6.Output'][0].n).toBe(100);
    // counts of the cached tools stay right, and the False anchor nobody reads is counted too
    for (const tool of ['t1', 't3', 't4', 't5']) expect(records(incremental.summary, tool)).toBe(records(full.summary, tool));
    expect(records(incremental.summary, 't2', 'False')).toBe(records(full.summary, 't2', 'False'));
    const statuses = incremental.events.filter((e) => e.type === 'tool-status' && e.status === 'ok');
    expect(statuses.filter((e) => e.type === 'tool-status' && e.cached).map((e) => e.type === 'tool-status' && e.toolId).sort()).toEqual(['t1', 't2', 't3', 't4', 't5']);
  });

  it('edit a middle tool: it and everything downstream run', async () => {
    await engine.run(chain(), { workflowDir: dir, cache: 'keep' });
    const edited = chain({ formula: '[amount] * 3' });
    const incremental = await engine.run(edited, { workflowDir: dir, cache: 'reuse' });
    const full = await engine.run(edited, { workflowDir: dir });
    expect(cachedTools(incremental.summary)).toEqual(['t1', 't2']);
    expect(incremental.previews['t6.Output']).toEqual(full.previews['t6.Output']);
    // run again unchanged: everything comes from the cache
    const again = await engine.run(edited, { workflowDir: dir, cache: 'reuse' });
    expect(cachedTools(again.summary)).toEqual(['t1', 't2', 't3', 't4', 't5', 't6']);
    expect(again.previews['t6.Output']).toEqual(full.previews['t6.Output']);
  });

  it('touch the input file: all run', async () => {
    await engine.run(chain(), { workflowDir: dir, cache: 'keep' });
    const later = new Date(Date.now() + 5_000);
    await fs.utimes(path.join(dir, 'orders.csv'), later, later);
    const after = await engine.run(chain(), { workflowDir: dir, cache: 'reuse' });
    expect(cachedTools(after.summary)).toEqual([]);
  });

  it('a moved connection runs the tools it reaches; a deleted tool runs what followed it', async () => {
    await engine.run(chain(), { workflowDir: dir, cache: 'keep' });
    const moved = chain();
    moved.connections[1] = { from: { tool: 't2', anchor: 'False' }, to: { tool: 't3', anchor: 'Input' } };
    const afterMove = await engine.run(moved, { workflowDir: dir, cache: 'reuse' });
    expect(cachedTools(afterMove.summary)).toEqual(['t1', 't2']);
    const full = await engine.run(moved, { workflowDir: dir });
    expect(afterMove.previews['t6.Output']).toEqual(full.previews['t6.Output']);

    const without = chain();
    without.tools = without.tools.filter((t) => t.id !== 't4');
    without.connections = [...without.connections.filter((c) => c.from.tool !== 't4' && c.to.tool !== 't4'),
      { from: { tool: 't3', anchor: 'Output' }, to: { tool: 't5', anchor: 'Input' } }];
    await engine.run(chain(), { workflowDir: dir, cache: 'keep' });
    const afterDelete = await engine.run(without, { workflowDir: dir, cache: 'reuse' });
    expect(cachedTools(afterDelete.summary)).toEqual(['t1', 't2', 't3']);
  });
});
