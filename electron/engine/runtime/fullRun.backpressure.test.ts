import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/runEvents.js';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'lifecycle-tools');
const CREDIT = 4;
let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine({ pluginDirs: [fixtures] });
});
afterAll(async () => engine?.dispose());

/**
 * Walks the tool messages in the order the host saw them and returns the largest lead of
 * `ahead` (count of its messages matching `aheadPattern`) over `behind`.
 */
function maxLead(events: RunEvent[], ahead: [string, RegExp], behind: [string, RegExp]): { lead: number; aheadTotal: number } {
  let a = 0;
  let b = 0;
  let lead = 0;
  for (const e of events) {
    if (e.type !== 'tool-message') continue;
    if (e.toolId === ahead[0] && ahead[1].test(e.text)) a++;
    if (e.toolId === behind[0] && behind[1].test(e.text)) b++;
    lead = Math.max(lead, a - b);
  }
  return { lead, aheadTotal: a };
}

describe('backpressure', () => {
  it('a slow consumer holds a fast producer to a few packets in flight', async () => {
    const { summary, events } = await engine.run(testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 300, packetSize: 10 } },
      slow: { plugin: 'lt/recorder', config: { delayMs: 15 } },
    }, [['s.Output', 'slow.Input']]), { credit: CREDIT });
    expect(summary.status).toBe('ok');
    const { lead, aheadTotal } = maxLead(events, ['s', /^wrote /], ['slow', /^packet /]);
    expect(aheadTotal).toBe(30);
    // without credit the producer would be ~29 packets ahead; with it, credit + the packet in hand + slack
    expect(lead).toBeLessThanOrEqual(CREDIT + 3);
    expect(lead).toBeGreaterThanOrEqual(2);
  });

  it('a tool that does not await its writes is still held back, and loses no packet', async () => {
    const { summary, events } = await engine.run(testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 300, packetSize: 10 } },
      mid: { plugin: 'lt/recorder', config: { awaitWrites: false } },
      slow: { plugin: 'lt/recorder', config: { delayMs: 15 } },
    }, [['s.Output', 'mid.Input'], ['mid.Output', 'slow.Input']]), { credit: CREDIT });
    expect(summary.status).toBe('ok');
    expect(summary.tools.slow.outputs.Output.records).toBe(300);
    const { lead } = maxLead(events, ['mid', /^packet /], ['slow', /^packet /]);
    expect(lead).toBeLessThanOrEqual(CREDIT + 3);
  });

  it('a source that writes without awaiting loses nothing and keeps order', async () => {
    const { summary, previews } = await engine.run(testWorkflow({
      s: { plugin: 'lt/source', config: { rows: 250, packetSize: 10, awaitWrites: false } },
      r: { plugin: 'lt/recorder', config: { delayMs: 2 } },
    }, [['s.Output', 'r.Input']]), { previewRows: 250 });
    expect(summary.tools.r.outputs.Output.records).toBe(250);
    expect(previews['r.Output'].map((row) => row.n)).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });
});
