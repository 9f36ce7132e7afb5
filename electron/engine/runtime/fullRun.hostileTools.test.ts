import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES_PER_TOOL, MAX_PREVIEW_CELL_CHARS } from './messageLimits.js';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'lifecycle-tools');
let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine({ pluginDirs: [fixtures] });
});
afterAll(async () => engine?.dispose());

/** faulty → recorder, plus an independent source → recorder branch */
function faulty(phase: string, how: string, ms = 0) {
  return testWorkflow({
    f: { plugin: 'lt/faulty', config: { phase, how, ms } },
    down: { plugin: 'lt/recorder' },
    other: { plugin: 'lt/source', config: { rows: 3 } },
    otherSink: { plugin: 'lt/recorder' },
  }, [['f.Output', 'down.Input'], ['other.Output', 'otherSink.Input']]);
}

describe('a plugin cannot pass off its own messages as the tool host\'s', () => {
  it('a `done` posted by plugin code on the worker\'s port fails the tool instead of finishing it early', async () => {
    const { summary } = await engine.run(faulty('constructor', 'fake-done'));
    expect(summary.tools.f.status).toBe('error');
    expect(summary.tools.f.messages.at(-1)!.text).toMatch(/unexpected message to the tool host: \{"type":"done"\}/);
    expect(summary.tools.down.status).toBe('cancelled');
    expect(summary.tools.otherSink.status).toBe('ok');
  });
});

describe('what a tool sends towards the UI is bounded', () => {
  it('a 3 MB warning and a 3 MB error text are cut, saying how long they were', async () => {
    const { summary, events } = await engine.run(faulty('onComplete', 'huge-message', 3_000_000));
    const [warning, error] = summary.tools.f.messages.filter((m) => m.text.startsWith('big') || m.text.includes('big error'));
    expect(warning.level).toBe('warn');
    expect(warning.text.length).toBeLessThan(MAX_MESSAGE_CHARS + 100);
    expect(warning.text).toMatch(/… \[cut: 3,000,012 characters in all\]$/);
    expect(error.level).toBe('error');
    expect(error.text.length).toBeLessThan(MAX_MESSAGE_CHARS + 100);
    expect(error.text).toMatch(/^onComplete: big error eee.*characters in all\]$/);
    const sent = events.filter((e) => e.type === 'tool-message').map((e) => (e as { text: string }).text);
    expect(Math.max(...sent.map((t) => t.length))).toBeLessThan(MAX_MESSAGE_CHARS + 100);
  });

  it('past the per-tool message limit, info messages are dropped with one note; the error still shows', async () => {
    const { summary } = await engine.run(faulty('onComplete', 'chatty', MAX_MESSAGES_PER_TOOL + 500));
    const messages = summary.tools.f.messages;
    expect(summary.tools.f.status).toBe('ok');
    expect(messages.filter((m) => m.text.startsWith('note '))).toHaveLength(MAX_MESSAGES_PER_TOOL - 1);
    expect(messages.at(-1)!.text).toMatch(/more than 1000 messages/);
  });

  it('a preview cell of 200,000 characters is cut', async () => {
    const label = 'L'.repeat(200_000);
    const { summary, previews } = await engine.run(testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 3, label } }, r: { plugin: 'lt/recorder' },
    }, [['s.Output', 'r.Input']]));
    expect(summary.status).toBe('ok');
    for (const key of ['s.Output', 'r.Output']) {
      const cell = previews[key][0].label as string;
      expect(cell.length).toBeLessThan(MAX_PREVIEW_CELL_CHARS + 100);
      expect(cell).toMatch(/^L+… \[cut: 200,001 characters in all\]$/); // the source appends the row number
    }
  });
});

describe('the idle limit', () => {
  it('stops a run whose onComplete never settles, saying how to change the limit', async () => {
    const { summary } = await engine.run(faulty('onComplete', 'hang'), { idleTimeoutMs: 500 });
    expect(summary.status).toBe('error');
    expect(summary.tools.f.status).toBe('error');
    expect(summary.tools.f.messages.at(-1)!.text).toMatch(/^idle: no tool made progress for 0.5 s.*--idle-timeout SECONDS/);
    expect(summary.tools.down.status).toBe('cancelled');
    expect(summary.tools.otherSink.status).toBe('ok');
  });

  it('does not stop a tool that computes without a word for longer than the limit', async () => {
    const { summary } = await engine.run(faulty('onComplete', 'busy', 1500), { idleTimeoutMs: 300 });
    expect(summary.tools.f.messages.map((m) => m.text).join('\n')).not.toMatch(/idle/);
    expect(summary.status).toBe('ok');
  });
});
