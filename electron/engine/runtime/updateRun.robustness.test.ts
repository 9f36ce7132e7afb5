import { describe, expect, it } from 'vitest';
import { testWorkflow } from '../testing/index.js';
import { messageTexts, useLifecycleEngine } from '../testing/lifecycleTestEngine.js';

const lifecycle = useLifecycleEngine();

describe('update-only runs with misbehaving or identical tools', () => {
  it('two identical tools with the same input are each constructed: the cache is per tool', async () => {
    const twins = testWorkflow({ s: { plugin: 'lt/source' }, a: { plugin: 'lt/recorder' }, b: { plugin: 'lt/recorder' } },
      [['s.Output', 'a.Input'], ['s.Output', 'b.Input']]);
    const { summary } = await lifecycle.engine.run(twins, { mode: 'update' });
    // the constructor line ends with a random number: b reusing a's cached result would repeat a's
    expect(messageTexts(summary, 'b')[0]).toMatch(/^constructor updateOnly=true/);
    expect(messageTexts(summary, 'b')[0]).not.toEqual(messageTexts(summary, 'a')[0]);
    const again = (await lifecycle.engine.run(twins, { mode: 'update' })).summary;
    expect(messageTexts(again, 'a')).toEqual(messageTexts(summary, 'a'));
    expect(messageTexts(again, 'b')).toEqual(messageTexts(summary, 'b'));
  });

  it('process.exit() in a constructor fails that tool with the exit code; the next tools still run', async () => {
    const { summary } = await lifecycle.engine.run(testWorkflow({
      f: { plugin: 'lt/faulty', config: { phase: 'constructor', how: 'exit' } }, d: { plugin: 'lt/recorder' },
      s: { plugin: 'lt/source' }, r: { plugin: 'lt/recorder' },
    }, [['f.Output', 'd.Input'], ['s.Output', 'r.Input']]), { mode: 'update', useCache: false });
    expect(summary.tools.f.messages.at(-1)!.text).toMatch(/exit code 0/);
    expect(summary.tools.d.status).toBe('cancelled');
    expect(summary.tools.r.status).toBe('ok');
  });

  it('junk posted on the worker port is dropped, not blamed on another tool; the host keeps working', async () => {
    const { summary } = await lifecycle.engine.run(testWorkflow({
      j: { plugin: 'lt/faulty', config: { phase: 'constructor', how: 'junk' } },
      s: { plugin: 'lt/source' }, r: { plugin: 'lt/recorder' },
    }, [['s.Output', 'r.Input']]), { mode: 'update', useCache: false });
    expect(summary.status, JSON.stringify(summary.tools)).toBe('ok');
    expect(summary.tools.r.outputs.Output.metadata.fields.length).toBeGreaterThan(0);
  });
});
