import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../shared/runEvents.js';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'lifecycle-tools');
let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine({ pluginDirs: [fixtures] });
});
afterAll(async () => engine?.dispose());

/** the lifecycle calls a tool reported, without the random number its constructor line ends with */
export function calls(summary: RunSummary, toolId: string): string[] {
  return summary.tools[toolId].messages.map((m) => m.text.replace(/ (0\.\d+|\d(\.\d+)?e-\d+|0)$/, ''));
}

describe('full run lifecycle', () => {
  it('runs source → recorder in order: constructor, opened, packets, onComplete', async () => {
    const { summary, previews, events } = await engine.run(testWorkflow(
      { t1: { plugin: 'lt/source', config: { rows: 12, packetSize: 5 } }, t2: { plugin: 'lt/recorder' } },
      [['t1.Output', 't2.Input']],
    ));
    expect(summary.status).toBe('ok');
    expect(calls(summary, 't2')).toEqual([
      'constructor updateOnly=false inputs=#1',
      'opened Input #1 n,label,big',
      'packet Input #1 5 got 1', 'packet Input #1 5 got 2', 'packet Input #1 2 got 3',
      'onComplete',
    ]);
    expect(calls(summary, 't1')).toEqual(['constructor updateOnly=false', 'onComplete', 'wrote 1', 'wrote 2', 'wrote 3']);
    expect(summary.tools.t2.outputs.Output.records).toBe(12);
    expect(summary.tools.t1.outputs.Output.metadata.fields).toEqual([
      { name: 'n', type: 'int32' }, { name: 'label', type: 'v_string', size: 20 }, { name: 'big', type: 'int64' },
    ]);
    expect(previews['t2.Output'][0]).toEqual({ n: 0, label: 'row0', big: '0' });
    expect(previews['t2.Output'][1]).toEqual({ n: 1, label: null, big: '1000000000000' });
    expect(previews['t2.Output']).toHaveLength(12);
    const statuses = events.filter((e) => e.type === 'tool-status' && e.toolId === 't2').map((e) => e.type === 'tool-status' && e.status);
    expect(statuses).toEqual(['running', 'ok']);
    expect(events[0].type).toBe('run-started');
    expect(events.at(-1)!.type).toBe('run-finished');
    expect(events.some((e) => e.type === 'tool-progress' && e.toolId === 't1' && e.fraction === 1)).toBe(true);
  });

  it('limits previews to previewRows and marks them truncated', async () => {
    const { events, previews } = await engine.run(testWorkflow({ t1: { plugin: 'lt/source', config: { rows: 30 } } }), { previewRows: 7 });
    expect(previews['t1.Output']).toHaveLength(7);
    expect(events.find((e) => e.type === 'anchor-preview')).toMatchObject({ truncated: true });
  });

  it('names several connections into one anchor #1, #2 and calls onComplete after all of them closed', async () => {
    const { summary } = await engine.run(testWorkflow({
      a: { plugin: 'lt/source', config: { rows: 6, packetSize: 2 } },
      b: { plugin: 'lt/source', config: { rows: 4, packetSize: 2 } },
      r: { plugin: 'lt/recorder' },
    }, [['a.Output', 'r.Input'], ['b.Output', 'r.Input']]));
    expect(summary.status).toBe('ok');
    const log = calls(summary, 'r');
    expect(log[0]).toBe('constructor updateOnly=false inputs=#1,#2');
    expect(log.filter((l) => l.startsWith('opened')).sort()).toEqual(['opened Input #1 n,label,big', 'opened Input #2 n,label,big']);
    expect(log.filter((l) => l.startsWith('packet Input #1'))).toHaveLength(3);
    expect(log.filter((l) => l.startsWith('packet Input #2'))).toHaveLength(2);
    // each connection opens before its own packets
    for (const name of ['#1', '#2']) {
      expect(log.indexOf(`opened Input ${name} n,label,big`)).toBeLessThan(log.findIndex((l) => l.startsWith(`packet Input ${name}`)));
    }
    expect(log.at(-1)).toBe('onComplete');
    expect(summary.tools.r.outputs.Output.records).toBe(10);
  });

  it('keeps explicit connection names and feeds the optional anchor when connected', async () => {
    const { summary } = await engine.run(testWorkflow({
      a: { plugin: 'lt/source', config: { rows: 2 } }, b: { plugin: 'lt/source', config: { rows: 3 } }, r: { plugin: 'lt/recorder' },
    }, [['a.Output', 'r.Input', 'left'], ['b.Output', 'r.Extra']]));
    const log = calls(summary, 'r');
    expect(log).toContain('opened Input left n,label,big');
    expect(log).toContain('opened Extra #1 n,label,big');
    expect(log.some((l) => /^packet Extra #1 3 got \d$/.test(l))).toBe(true);
    // only Input packets pass through
    expect(summary.tools.r.outputs.Output.records).toBe(2);
  });

  it('closes a connection empty when its upstream never opens: no onInputConnectionOpened, still onComplete', async () => {
    const { summary } = await engine.run(testWorkflow(
      { s: { plugin: 'lt/source', config: { open: false } }, r: { plugin: 'lt/recorder' } }, [['s.Output', 'r.Input']],
    ));
    expect(summary.status).toBe('ok');
    expect(calls(summary, 'r')).toEqual(['constructor updateOnly=false inputs=#1', 'onComplete']);
    expect(summary.tools.s.outputs).toEqual({});
  });

  it('fans one anchor out to several connections: each gets every row', async () => {
    const { summary, previews } = await engine.run(testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 25, packetSize: 10 } },
      r1: { plugin: 'lt/recorder' }, r2: { plugin: 'lt/recorder' }, r3: { plugin: 'lt/recorder' },
    }, [['s.Output', 'r1.Input'], ['s.Output', 'r2.Input'], ['s.Output', 'r3.Input']]));
    expect(summary.status).toBe('ok');
    for (const id of ['r1', 'r2', 'r3']) {
      expect(summary.tools[id].outputs.Output.records).toBe(25);
      expect(previews[`${id}.Output`]).toEqual(previews['s.Output']);
    }
  });

  it('writes the same packet twice as two copies (not awaited: copied; awaited: refused, its buffers are gone)', async () => {
    const twice = (awaitWrites: boolean) => testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 4, packetSize: 2 } }, r: { plugin: 'lt/recorder', config: { copies: 2, awaitWrites } },
      sink: { plugin: 'lt/recorder' },
    }, [['s.Output', 'r.Input'], ['r.Output', 'sink.Input']]);
    const copied = await engine.run(twice(false));
    expect(copied.summary.tools.r.outputs.Output.records).toBe(8);
    expect(copied.previews['r.Output'].map((row) => row.n)).toEqual([0, 1, 0, 1, 2, 3, 2, 3]);
    expect(copied.previews['sink.Output']).toEqual(copied.previews['r.Output']);
    const refused = await engine.run(twice(true));
    expect(refused.summary.tools.r.status).toBe('error');
    expect(refused.summary.tools.r.messages.at(-1)!.text).toMatch(/already written/);
  });

  it('reports a missing plugin, an unconnected required input and an invalid config on their tools; independent branches run', async () => {
    const { summary } = await engine.run(testWorkflow({
      gone: { plugin: 'nobody/nothing' },
      after: { plugin: 'lt/recorder' },
      lonely: { plugin: 'lt/recorder' },
      bad: { plugin: 'lt/source', config: { rows: -1 } },
      afterBad: { plugin: 'lt/recorder' },
      fine: { plugin: 'lt/source', config: { rows: 3 } },
      fineSink: { plugin: 'lt/recorder' },
    }, [['gone.Output', 'after.Input'], ['bad.Output', 'afterBad.Input'], ['fine.Output', 'fineSink.Input']]));
    expect(summary.status).toBe('error');
    expect(summary.tools.gone).toMatchObject({ status: 'error', messages: [{ level: 'error', text: expect.stringMatching(/nobody\/nothing.*missing plugin/) }] });
    expect(summary.tools.after.status).toBe('cancelled');
    expect(summary.tools.lonely.messages[0].text).toMatch(/required input anchor 'Input' is not connected/);
    expect(summary.tools.bad.messages[0].text).toMatch(/invalid config/);
    expect(summary.tools.afterBad.status).toBe('cancelled');
    expect(summary.tools.fine.status).toBe('ok');
    expect(summary.tools.fineSink).toMatchObject({ status: 'ok', outputs: { Output: { records: 3 } } });
  });

  it('gives the plugin its environment and reuses warm workers across runs', async () => {
    const workflow = testWorkflow({ s: { plugin: 'lt/source', config: { rows: 1 } } });
    await engine.run(workflow);
    const idle = (engine.runner as unknown as { pool: { idleCount: number } }).pool.idleCount;
    expect(idle).toBeGreaterThan(0);
    const { summary } = await engine.run(workflow);
    expect(summary.status).toBe('ok');
    expect((engine.runner as unknown as { pool: { idleCount: number } }).pool.idleCount).toBe(idle);
  });
});
