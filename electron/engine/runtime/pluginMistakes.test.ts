import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine({ pluginDirs: [path.join(fixtures, 'lifecycle-tools'), path.join(fixtures, 'sloppy-tools')] });
});
afterAll(async () => engine?.dispose());

/** source → the sloppy tool → recorder */
function between(tool: string) {
  return testWorkflow({
    s: { plugin: 'lt/source', config: { rows: 10, packetSize: 5 } },
    t: { plugin: `sloppy/${tool}` },
    r: { plugin: 'lt/recorder' },
  }, [['s.Output', 't.Input'], ['t.Output', 'r.Input']]);
}

describe('authoring mistakes are loud, in a full run', () => {
  it('a helper left un-awaited in onRecordPacket that reads later fails the tool with the plugin\'s stack', async () => {
    const { summary } = await engine.run(between('late-read'));
    expect(summary.tools.t.status).toBe('error');
    const error = summary.tools.t.messages.at(-1)!;
    expect(error.level).toBe('error');
    expect(error.text).toMatch(/^unhandled rejection: connection '.*' on 'Input': read\(\) is only valid inside onRecordPacket; a helper that reads the packet must be awaited there/);
    // the plugin's own frames, where the read happened; none of the engine's
    expect(error.text).toMatch(/\n\s+at LateRead\.passOn \(file:.*\/lateRead\.js[^:]*:20:\d+\)/);
    expect(error.text).not.toMatch(/inputConnection\.js/);
  });

  it('a connected output anchor never opened gets a warning; the run still succeeds', async () => {
    const { summary } = await engine.run(between('never-open'));
    expect(summary.tools.t.status).toBe('ok');
    expect(summary.tools.t.messages).toContainEqual({
      level: 'warn',
      text: expect.stringMatching(/^output anchor 'Output' is connected but was never opened: call open\(metadata\)/),
    });
  });

  it('an unconnected output anchor left closed gets no warning', async () => {
    const { summary } = await engine.run(testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 3 } }, t: { plugin: 'sloppy/never-open' },
    }, [['s.Output', 't.Input']]));
    expect(summary.tools.t).toMatchObject({ status: 'ok', messages: [] });
  });

  it('write before open says what to do', async () => {
    const { summary } = await engine.run(between('early-write'));
    expect(summary.tools.t.status).toBe('error');
    expect(summary.tools.t.messages.at(-1)!.text).toMatch(/write\(\) before open\(\): open it first with open\(metadata\), in the constructor or in onInputConnectionOpened/);
  });
});

describe('authoring mistakes are loud, while editing (update-only)', () => {
  it('an open() left un-awaited in onInputConnectionOpened warns that the anchor was opened after the method returned', async () => {
    const { summary } = await engine.run(between('late-open'), { mode: 'update' });
    expect(summary.tools.t.messages).toContainEqual({
      level: 'warn',
      text: expect.stringMatching(/^output anchor 'Output' was opened after onInputConnectionOpened returned: await the work that opens it/),
    });
  });

  it('an open() awaited in time gives no warning', async () => {
    const { summary } = await engine.run(between('late-read'), { mode: 'update' });
    expect(summary.tools.t.messages).toEqual([]);
  });
});
