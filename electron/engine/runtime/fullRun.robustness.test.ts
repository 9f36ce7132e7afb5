import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'lifecycle-tools');
let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine({ pluginDirs: [fixtures] });
});
afterAll(async () => engine?.dispose());

/** `pairs` independent branches of faulty → recorder, plus one healthy source → recorder */
function pairsWorkflow(pairs: number, phase: string, how: string) {
  const tools: Record<string, { plugin: string; config?: Record<string, unknown> }> = {
    ok: { plugin: 'lt/source', config: { rows: 3 } }, okSink: { plugin: 'lt/recorder' },
  };
  const connections: Array<[string, string]> = [['ok.Output', 'okSink.Input']];
  for (let i = 0; i < pairs; i++) {
    tools[`f${i}`] = { plugin: 'lt/faulty', config: { phase, how } };
    tools[`d${i}`] = { plugin: 'lt/recorder' };
    connections.push([`f${i}.Output`, `d${i}.Input`]);
  }
  return testWorkflow(tools, connections);
}

describe('a misbehaving plugin cannot take the host down', () => {
  it('process.exit() in the constructor of many tools at once: each fails, its consumer is cancelled, the run ends', async () => {
    // a consumer starting just after its producer's worker exited finds its connection port closed
    // (postMessage throws DataCloneError); that must not escape as a crash of the host process
    for (let round = 0; round < 2; round++) {
      const { summary } = await engine.run(pairsWorkflow(8, 'constructor', 'exit'));
      for (let i = 0; i < 8; i++) {
        expect(summary.tools[`f${i}`].status).toBe('error');
        // the tool's own last info and the host's exit report travel on different channels: either order
        expect(summary.tools[`f${i}`].messages.map((m) => m.text)).toContainEqual(expect.stringMatching(/stopped unexpectedly/));
        expect(summary.tools[`d${i}`].status).toBe('cancelled');
      }
      expect(summary.tools.okSink).toMatchObject({ status: 'ok', outputs: { Output: { records: 3 } } });
    }
  });

  it('junk posted on the worker\'s parent port fails that tool with a clear message', async () => {
    const { summary } = await engine.run(pairsWorkflow(1, 'onComplete', 'junk'));
    expect(summary.tools.f0.status).toBe('error');
    expect(summary.tools.f0.messages.at(-1)!.text).toMatch(/unexpected message/);
    expect(summary.tools.d0.status).toBe('cancelled');
    expect(summary.tools.okSink.status).toBe('ok');
  });

  it('a thrown non-Error value is shown readably', async () => {
    const { summary } = await engine.run(pairsWorkflow(1, 'onComplete', 'throw-value'));
    expect(summary.tools.f0.status).toBe('error');
    expect(summary.tools.f0.messages.at(-1)!.text).toBe('onComplete: {"code":42,"detail":"thrown value in onComplete"}');
  });
});

describe('a tool that leaves work running after its run', () => {
  it('cannot post into the tools of later runs: its messages and late io.error go nowhere', async () => {
    const lingering = await engine.run(testWorkflow({ l: { plugin: 'lt/faulty', config: { phase: 'constructor', how: 'linger' } } }));
    expect(lingering.summary.tools.l.status).toBe('ok');
    const started = Date.now();
    while (Date.now() - started < 600) {
      const { summary } = await engine.run(testWorkflow({ s: { plugin: 'lt/source', config: { rows: 2 } }, r: { plugin: 'lt/recorder' } },
        [['s.Output', 'r.Input']]));
      expect(summary.status, JSON.stringify(summary.tools)).toBe('ok');
      for (const tool of Object.values(summary.tools)) {
        expect(tool.messages.filter((m) => /after the run/.test(m.text))).toEqual([]);
      }
    }
  });
});
