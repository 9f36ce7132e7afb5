import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'lifecycle-tools');
let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine({ pluginDirs: [fixtures] });
});
afterAll(async () => engine?.dispose());

const hoarding = (mb: number) => testWorkflow({
  f: { plugin: 'lt/faulty', config: { phase: 'onComplete', how: 'hoard', ms: mb } },
  down: { plugin: 'lt/recorder' },
  other: { plugin: 'lt/source', config: { rows: 3 } },
  otherSink: { plugin: 'lt/recorder' },
}, [['f.Output', 'down.Input'], ['other.Output', 'otherSink.Input']]);

describe('memory outside the heap', () => {
  it('a tool holding 700 MB of ArrayBuffers past the memory limit fails saying so, though its heap limit was never reached', async () => {
    // the limit: what this process holds with the engine warm, plus 300 MB; only the hoard passes it
    const warm = await engine.run(hoarding(0));
    expect(warm.summary.status).toBe('ok');
    const memoryLimitMb = Math.round(process.memoryUsage.rss() / 2 ** 20) + 300;
    const { summary } = await engine.run(hoarding(700), { memoryLimitMb });
    expect(summary.tools.f.status).toBe('error');
    // seen either by its report (it holds the most) or, mid-allocation, as the tool gone silent while memory grew
    expect(summary.tools.f.messages.at(-1)!.text)
      .toMatch(/^out of memory: the app's memory \(.+\) passed its limit of .+, and this tool (held the most of any running tool \((7\d\d|6\d\d) MB|had been busy without a word).*WEFT_MEMORY_LIMIT_MB$/);
    expect(summary.tools.down.status, JSON.stringify(summary.tools.down.messages)).toBe('cancelled');
    expect(summary.tools.otherSink.status).toBe('ok');
  });
});
