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

/** the lifecycle calls a tool reported, without the random suffix of its constructor line */
function calls(summary: RunSummary, toolId: string): string[] {
  return summary.tools[toolId].messages.map((m) => m.text.replace(/ 0\.\d+$/, '').replace(/^(constructor.*?)( [\d.e-]+)?$/, '$1'));
}

describe('full run lifecycle', () => {
  it('runs source → recorder in order: constructor, opened, packets, onComplete', async () => {
    const { summary, previews } = await engine.run(testWorkflow(
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
    expect(summary.tools.t2.outputs.Output.records).toBe(12);
    expect(summary.tools.t1.outputs.Output.metadata.fields[2]).toEqual({ name: 'big', type: 'int64' });
    expect(previews['t2.Output'][0]).toEqual({ n: 0, label: 'row0', big: '0' });
    expect(previews['t2.Output'][1]).toEqual({ n: 1, label: null, big: '1000000000000' });
    expect(previews['t2.Output']).toHaveLength(12);
  });
});
