import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/runEvents.js';
import { createTestEngine, testWorkflow, type TestConnectionSpec, type TestEngine, type TestToolSpec } from '../testing/index.js';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'lifecycle-tools');
const BOUND = 3;
let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine({ pluginDirs: [fixtures], maxLiveTools: BOUND });
});
afterAll(async () => engine?.dispose());

/** source → `length` recorders in a row */
function chain(length: number, source: Record<string, unknown>) {
  const tools: Record<string, TestToolSpec> = { t0: { plugin: 'lt/source', config: source } };
  const connections: TestConnectionSpec[] = [];
  for (let i = 1; i <= length; i++) {
    tools[`t${i}`] = { plugin: 'lt/recorder' };
    connections.push([`t${i - 1}.Output`, `t${i}.Input`]);
  }
  return testWorkflow(tools, connections);
}

/** the most tools that were running at one time, from the run's events */
function peakRunning(events: RunEvent[]): number {
  let running = 0;
  let peak = 0;
  for (const event of events) {
    if (event.type !== 'tool-status') continue;
    if (event.status === 'running') peak = Math.max(peak, ++running);
    else if (event.status !== 'pending' && running > 0) running--;
  }
  return peak;
}

describe('a tool gets its worker when it is needed', () => {
  it('a chain of 40 tools runs as a small window of workers, not 40 at once', async () => {
    const { summary, events } = await engine.run(chain(40, { rows: 6, packetSize: 3 }));
    expect(summary.status).toBe('ok');
    expect(summary.tools.t40.outputs.Output.records).toBe(6);
    // the bound, plus the consumers that records reached beyond it
    expect(peakRunning(events)).toBeLessThanOrEqual(2 * BOUND);
  });

  it('a streaming chain longer than the bound, with more packets than credit, still completes', async () => {
    // every tool holds back its producer once 4 packets wait: only starting consumers beyond the bound lets it finish
    const { summary } = await engine.run(chain(12, { rows: 400, packetSize: 5 }));
    expect(summary.status).toBe('ok');
    expect(summary.tools.t12.outputs.Output.records).toBe(400);
  });

  it('a running tool waiting on a source that has no room yet gets it started', async () => {
    // every recorder reads two sources; the sources come first in topological order and fill the room
    const tools: Record<string, TestToolSpec> = {};
    const connections: TestConnectionSpec[] = [];
    for (let i = 0; i < 5; i++) {
      tools[`a${i}`] = { plugin: 'lt/source', config: { rows: 30, packetSize: 2 } };
      tools[`b${i}`] = { plugin: 'lt/source', config: { rows: 7, packetSize: 2 } };
      tools[`j${i}`] = { plugin: 'lt/recorder' };
      connections.push([`a${i}.Output`, `j${i}.Input`], [`b${i}.Output`, `j${i}.Extra`]);
    }
    const { summary } = await engine.run(testWorkflow(tools, connections));
    expect(summary.status, JSON.stringify(summary.tools)).toBe('ok');
    for (let i = 0; i < 5; i++) expect(summary.tools[`j${i}`].outputs.Output.records).toBe(30);
  });

  it('a tool failing cancels the tools below it that never started', async () => {
    const workflow = chain(20, { rows: 3 });
    workflow.tools[5] = { ...workflow.tools[5], plugin: 'lt/faulty', config: { phase: 'onComplete', how: 'throw' } };
    const { summary } = await engine.run(workflow);
    expect(summary.tools.t5.status).toBe('error');
    for (let i = 6; i <= 20; i++) expect(summary.tools[`t${i}`].status).toBe('cancelled');
  });
});
