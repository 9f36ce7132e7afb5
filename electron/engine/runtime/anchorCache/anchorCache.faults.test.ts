/**
 * What the anchor cache must never do: keep a failed tool's outputs, use a half-written entry
 * after a cancel, replay an anchor it did not keep whole, or reuse a tool that must always run.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../shared/runEvents.js';
import { createTestEngine, testWorkflow, type TestEngine } from '../../testing/index.js';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'lifecycle-tools');
let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine({ pluginDirs: [fixtures] });
});
afterAll(async () => engine?.dispose());

const cachedTools = (summary: RunSummary) => Object.keys(summary.tools).filter((id) => summary.tools[id].cached === true).sort();

/** the committed entries of one workflow */
async function entriesOf(workflowKey: string) {
  return (await engine.runner.anchorCacheStore!.refresh()).filter((s) => s.entry.workflowKey === workflowKey);
}

describe('anchor cache faults', () => {
  it('a failing tool is never cached, and runs again next time', async () => {
    const workflow = testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 20 } },
      f: { plugin: 'lt/faulty', config: { phase: 'onComplete', how: 'throw' } },
    }, [['s.Output', 'f.Input']]);
    const first = await engine.run(workflow, { cache: 'keep', workflowKey: 'failing' });
    expect(first.summary.tools.f.status).toBe('error');
    const again = await engine.run(workflow, { cache: 'reuse', workflowKey: 'failing' });
    expect(cachedTools(again.summary)).toEqual(['s']);
    expect(again.summary.tools.f.status).toBe('error');
    expect(again.summary.tools.f.messages.map((m) => m.text)).toContain('misbehaving in onComplete');
  });

  it('a cancelled run leaves no half-written entry, and the next run is right', async () => {
    const workflow = testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 400, packetSize: 10 } },
      slow: { plugin: 'lt/recorder', config: { delayMs: 20 } },
    }, [['s.Output', 'slow.Input']]);
    const controller = new AbortController();
    const cancelled = engine.run(workflow, {
      cache: 'keep', workflowKey: 'cancelled', signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    const { summary } = await cancelled;
    expect(summary.status).toBe('cancelled');
    const partial = path.join(engine.weftHome, 'runs', summary.runId, '.anchor-cache', '.partial');
    await expect(fs.access(partial)).rejects.toThrow();
    const next = await engine.run(workflow, { cache: 'reuse', workflowKey: 'cancelled' });
    expect(next.summary.status).toBe('ok');
    expect(next.summary.tools.slow.cached).not.toBe(true);
    expect(next.summary.tools.slow.outputs.Output.records).toBe(400);
  });

  it('an anchor over the budget is not kept: the user is told, and a changed tool reading it makes it run', async () => {
    const workflow = testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 2000, packetSize: 500 } },
      r: { plugin: 'lt/recorder' },
    }, [['s.Output', 'r.Input']]);
    const first = await engine.run(workflow, { cache: 'keep', workflowKey: 'budget', cacheBudgetBytes: 20_000 });
    expect(first.summary.status).toBe('ok');
    expect(first.summary.tools.s.messages.map((m) => m.text).join('\n')).toMatch(/output 'Output' is not kept in the cache: its rows passed the cache budget of 20 KB/);
    // unchanged: the counts and previews come from the entries, nothing needs the rows
    const again = await engine.run(workflow, { cache: 'reuse', workflowKey: 'budget', cacheBudgetBytes: 20_000 });
    expect(cachedTools(again.summary)).toEqual(['r', 's']);
    expect(again.summary.tools.r.outputs.Output.records).toBe(2000);
    // r changed: it needs s's rows, which were not kept, so s runs too
    workflow.tools[1].config = { delayMs: 1 };
    const edited = await engine.run(workflow, { cache: 'reuse', workflowKey: 'budget', cacheBudgetBytes: 20_000 });
    expect(cachedTools(edited.summary)).toEqual([]);
    expect(edited.summary.tools.r.outputs.Output.records).toBe(2000);
  });

  it('the oldest entries of a workflow are evicted past its budget', async () => {
    const one = (label: string) => testWorkflow({ s: { plugin: 'lt/source', config: { rows: 300, packetSize: 100, label } } });
    const first = await engine.run(one('first'), { cache: 'keep', workflowKey: 'evict', cacheBudgetBytes: 12_000 });
    expect((await entriesOf('evict')).map((s) => s.entry.runId)).toEqual([first.summary.runId]);
    const second = await engine.run(one('second'), { cache: 'keep', workflowKey: 'evict', cacheBudgetBytes: 12_000 });
    expect((await entriesOf('evict')).map((s) => s.entry.runId)).toEqual([second.summary.runId]);
  });
});
