import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'lifecycle-tools');
let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine({ pluginDirs: [fixtures] });
});
afterAll(async () => engine?.dispose());

/** source → faulty → recorder, plus an independent source → recorder branch */
function faultyWorkflow(phase: string, how: string, ms = 0) {
  return testWorkflow({
    s: { plugin: 'lt/source', config: { rows: 4, packetSize: 2 } },
    f: { plugin: 'lt/faulty', config: { phase, how, ms } },
    down: { plugin: 'lt/recorder' },
    other: { plugin: 'lt/source', config: { rows: 3 } },
    otherSink: { plugin: 'lt/recorder' },
  }, [['s.Output', 'f.Input'], ['f.Output', 'down.Input'], ['other.Output', 'otherSink.Input']]);
}

const PHASES = ['constructor', 'onInputConnectionOpened', 'onRecordPacket', 'onComplete'];

describe('faults stay inside their tool', () => {
  for (const phase of PHASES) {
    for (const how of ['throw', 'reject', 'io-error']) {
      it(`${how} in ${phase}: the tool fails with the message, downstream is cancelled, the other branch finishes`, async () => {
        const { summary } = await engine.run(faultyWorkflow(phase, how));
        expect(summary.status).toBe('error');
        const f = summary.tools.f;
        expect(f.status).toBe('error');
        const word = { throw: 'thrown', reject: 'rejected', 'io-error': 'reported' }[how];
        expect(f.messages.at(-1), JSON.stringify(f.messages)).toEqual({ level: 'error', text: expect.stringContaining(`${word} in ${phase}`) });
        expect(f.messages.filter((m) => m.text.startsWith('misbehaving'))).toHaveLength(1);
        expect(summary.tools.down.status).toBe('cancelled');
        expect(summary.tools.otherSink, JSON.stringify(summary.tools.otherSink.messages)).toMatchObject({ status: 'ok', outputs: { Output: { records: 3 } } });
        expect(summary.tools.s.status, JSON.stringify(summary.tools.s.messages)).toBe('ok');
      });
    }
  }

  it('a hang (never-resolving promise) is stopped by the run timeout: error "timeout", what waits on it cancelled', async () => {
    const { summary } = await engine.run(faultyWorkflow('onComplete', 'hang'), { timeoutMs: 1500 });
    expect(summary.status).toBe('error');
    expect(summary.tools.f.status).toBe('error');
    expect(summary.tools.f.messages.at(-1)!.text).toMatch(/timeout/);
    expect(summary.tools.down.status).toBe('cancelled');
    expect(summary.tools.otherSink.status).toBe('ok');
  });

  it('a busy loop that never yields is stopped by the timeout too', async () => {
    const { summary } = await engine.run(faultyWorkflow('onRecordPacket', 'spin'), { timeoutMs: 1500 });
    expect(summary.tools.f).toMatchObject({ status: 'error' });
    expect(summary.tools.f.messages.at(-1)!.text).toMatch(/timeout/);
    expect(summary.tools.down.status).toBe('cancelled');
  });

  it('cancel stops a running run: unfinished tools are cancelled, the run is cancelled', async () => {
    const controller = new AbortController();
    const running = engine.run(faultyWorkflow('onComplete', 'spin'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const { summary, events } = await running;
    expect(summary.status).toBe('cancelled');
    expect(summary.tools.f.status).toBe('cancelled');
    expect(summary.tools.down.status).toBe('cancelled');
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', status: 'cancelled' });
  });

  it('output anchor contract: write before open, rows that do not match, reopening with other metadata', async () => {
    for (const [how, text] of [
      ['write-before-open', /write\(\) before open\(\)/], ['bad-rows', /'x' \(double\) row 0: "not a number" is not a number/],
      ['reopen', /opened twice with different metadata/],
    ] as const) {
      const { summary } = await engine.run(faultyWorkflow('onComplete', how));
      expect(summary.tools.f.status, how).toBe('error');
      expect(summary.tools.f.messages.at(-1)!.text).toMatch(text);
      expect(summary.tools.down.status).toBe('cancelled');
    }
  });

  it('the faulty tool ran fine when not misbehaving (control)', async () => {
    const { summary } = await engine.run(faultyWorkflow('onComplete', 'sleep', 1));
    expect(summary.status).toBe('ok');
    expect(summary.tools.down.outputs.Output.records).toBe(1);
  });
});

describe('worker resource limits', () => {
  const limitsOf = (summary: { tools: Record<string, { messages: { text: string }[] }> }) =>
    JSON.parse(summary.tools.f.messages.find((m) => m.text.startsWith('limits '))!.text.slice('limits '.length)) as Record<string, number>;

  it('by default a tool worker has a 2048 MB old and a 4 MB young generation', async () => {
    const { summary } = await engine.run(faultyWorkflow('onComplete', 'limits'));
    expect(limitsOf(summary)).toMatchObject({ maxOldGenerationSizeMb: 2048, maxYoungGenerationSizeMb: 4 });
  });

  it('limits given to the runner are merged over the defaults', async () => {
    const small = await createTestEngine({ pluginDirs: [fixtures], resourceLimits: { maxOldGenerationSizeMb: 64 } });
    try {
      const { summary } = await small.run(faultyWorkflow('onComplete', 'limits'));
      expect(limitsOf(summary)).toMatchObject({ maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 });
    } finally {
      await small.dispose();
    }
  });
});

describe('out of memory', () => {
  it('a tool that exhausts its worker heap fails with "out of memory"; the host lives on', async () => {
    const small = await createTestEngine({ pluginDirs: [fixtures], resourceLimits: { maxOldGenerationSizeMb: 64 } });
    try {
      const { summary } = await small.run(faultyWorkflow('onComplete', 'oom'));
      expect(summary.tools.f.status).toBe('error');
      expect(summary.tools.f.messages.at(-1)!.text).toMatch(/out of memory/);
      expect(summary.tools.down.status).toBe('cancelled');
      expect(summary.tools.otherSink.status, JSON.stringify(summary.tools.otherSink.messages)).toBe('ok');
    } finally {
      await small.dispose();
    }
  });
});
