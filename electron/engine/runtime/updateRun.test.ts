import { describe, expect, it } from 'vitest';
import { testWorkflow } from '../testing/index.js';
import { messageTexts, useLifecycleEngine } from '../testing/lifecycleTestEngine.js';

const lifecycle = useLifecycleEngine();

function chain(sinkDelay = 0) {
  return testWorkflow({
    s: { plugin: 'lt/source', config: { rows: 5 } },
    a: { plugin: 'lt/recorder', config: { delayMs: sinkDelay } },
    b: { plugin: 'lt/recorder' },
  }, [['s.Output', 'a.Input'], ['a.Output', 'b.Input']]);
}

describe('update-only runs', () => {
  it('call only constructor and onInputConnectionOpened, and propagate metadata downstream', async () => {
    const { summary, events, previews } = await lifecycle.engine.run(chain(), { mode: 'update', useCache: false });
    expect(summary.status).toBe('ok');
    expect(summary.mode).toBe('update');
    expect(messageTexts(summary, 'b').map((t) => t.replace(/ [\d.e-]+$/, ''))).toEqual([
      'constructor updateOnly=true inputs=#1', 'opened Input #1 n,label,big',
    ]);
    expect(messageTexts(summary, 's').map((t) => t.replace(/ [\d.e-]+$/, ''))).toEqual(['constructor updateOnly=true']);
    expect(summary.tools.b.outputs.Output).toEqual({
      metadata: { fields: [{ name: 'n', type: 'int32' }, { name: 'label', type: 'v_string', size: 20 }, { name: 'big', type: 'int64' }] },
    });
    expect(previews).toEqual({});
    expect(events.some((e) => e.type === 'anchor-records')).toBe(false);
  });

  it('reuse unchanged tools from the cache and re-run only a changed tool and its downstream', async () => {
    const first = (await lifecycle.engine.run(chain(), { mode: 'update' })).summary;
    const again = (await lifecycle.engine.run(chain(), { mode: 'update' })).summary;
    // the constructor line ends with a random number: identical text means the tool was not run again
    for (const id of ['a', 'b']) expect(messageTexts(again, id)).toEqual(messageTexts(first, id));
    // a source (no inputs) always re-runs: its metadata may come from a file that changed
    expect(messageTexts(again, 's')[0]).not.toEqual(messageTexts(first, 's')[0]);
    const edited = (await lifecycle.engine.run(chain(1), { mode: 'update' })).summary;
    expect(messageTexts(edited, 'a')[0]).not.toEqual(messageTexts(first, 'a')[0]);
    expect(messageTexts(edited, 'b')[0]).toEqual(messageTexts(first, 'b')[0]); // same input metadata: b is still cached
    const rewired = testWorkflow({ s: { plugin: 'lt/source', config: { rows: 5, open: false } }, a: { plugin: 'lt/recorder' }, b: { plugin: 'lt/recorder' } },
      [['s.Output', 'a.Input'], ['a.Output', 'b.Input']]);
    const changed = (await lifecycle.engine.run(rewired, { mode: 'update' })).summary;
    expect(messageTexts(changed, 'a')[0]).not.toEqual(messageTexts(first, 'a')[0]);
    expect(changed.tools.a.outputs).toEqual({});
  });

  it('report errors on their tool and cancel what depends on them', async () => {
    const { summary } = await lifecycle.engine.run(testWorkflow({
      f: { plugin: 'lt/faulty', config: { phase: 'constructor', how: 'throw' } },
      d: { plugin: 'lt/recorder' },
      ok: { plugin: 'lt/source' },
    }, [['f.Output', 'd.Input']]), { mode: 'update' });
    expect(summary.status).toBe('error');
    expect(summary.tools.f.messages.at(-1)).toEqual({ level: 'error', text: 'constructor: thrown in constructor' });
    expect(summary.tools.d.status).toBe('cancelled');
    expect(summary.tools.ok.status).toBe('ok');
  });

  it('a constructor that never returns is timed out by the watchdog; the host is replaced and keeps working', async () => {
    const { summary } = await lifecycle.engine.run(testWorkflow({
      f: { plugin: 'lt/faulty', config: { phase: 'constructor', how: 'spin' } }, d: { plugin: 'lt/recorder' },
    }, [['f.Output', 'd.Input']]), { mode: 'update' });
    expect(summary.tools.f.messages.at(-1)!.text).toMatch(/timed out in update-only/);
    expect(summary.tools.d.status).toBe('cancelled');
    const after = await lifecycle.engine.run(chain(), { mode: 'update', useCache: false });
    expect(after.summary.status).toBe('ok');
  });

  it('a superseded run stops at once when its signal is aborted', async () => {
    const controller = new AbortController();
    const slow = testWorkflow({
      s: { plugin: 'lt/source' },
      f: { plugin: 'lt/faulty', config: { phase: 'onInputConnectionOpened', how: 'sleep', ms: 600 } },
      d: { plugin: 'lt/recorder' },
    }, [['s.Output', 'f.Input'], ['f.Output', 'd.Input']]);
    const running = lifecycle.engine.run(slow, { mode: 'update', useCache: false, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const { summary } = await running;
    expect(summary.status).toBe('cancelled');
    expect(summary.tools.f.status).toBe('cancelled');
    expect(summary.tools.d.status).toBe('cancelled');
    // the next run queues behind the superseded tool and then completes
    const next = await lifecycle.engine.run(chain(), { mode: 'update', useCache: false });
    expect(next.summary.status).toBe('ok');
  });

  it('discard records written in update-only and keep no worker per tool', async () => {
    const { summary } = await lifecycle.engine.run(testWorkflow({
      f: { plugin: 'lt/faulty', config: { phase: 'constructor', how: 'bad-rows' } },
    }), { mode: 'update', useCache: false });
    expect(summary.tools.f.status).toBe('ok');
  });
});
