import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';

// OutputAnchor.connections / previewRowsWanted / skip(): a tool may skip building rows no tool reads
const fixtures = path.join(import.meta.dirname, 'fixtures', 'lifecycle-tools');
let engine: TestEngine;

beforeAll(async () => {
  engine = await createTestEngine({ pluginDirs: [fixtures] });
});
afterAll(async () => engine?.dispose());

/** source (23 rows in packets of 5) → splitter, its A read by a recorder, its B by nothing */
function splitWorkflow(config: Record<string, unknown> = {}) {
  return testWorkflow({
    s: { plugin: 'lt/source', config: { rows: 23, packetSize: 5 } },
    split: { plugin: 'lt/splitter', config },
    r: { plugin: 'lt/recorder' },
  }, [['s.Output', 'split.Input'], ['split.A', 'r.Input']]);
}

describe('output anchors nothing reads', () => {
  it('connections counts the anchor s connections; skipped rows count, the preview keeps the first rows', async () => {
    const { summary, previews, events } = await engine.run(splitWorkflow(), { previewRows: 7 });
    expect(summary.status, JSON.stringify(summary.tools.split.messages)).toBe('ok');
    expect(summary.tools.split.messages[0].text).toBe('connections A=1 B=0 updateOnly=false');
    expect(summary.tools.split.outputs.A.records).toBe(23);
    expect(summary.tools.split.outputs.B.records).toBe(23);
    expect(summary.tools.r.outputs.Output.records).toBe(23);
    expect(previews['split.B'].map((row) => row.n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(previews['split.A'].map((row) => row.n)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(events.find((e) => e.type === 'anchor-preview' && e.anchor === 'B')).toMatchObject({ truncated: true });
  });

  it('skip() on an anchor a tool reads fails the tool and names the anchor', async () => {
    const { summary } = await engine.run(splitWorkflow({ forceSkip: true }), { previewRows: 2 });
    expect(summary.tools.split.status).toBe('error');
    expect(summary.tools.split.messages.at(-1)!.text).toMatch(/output anchor 'A': skip\(\) while 1 connection\(s\) read this anchor/);
    expect(summary.tools.r.status).toBe('cancelled');
  });

  it('skip() of a count that is not a whole number ≥ 0 fails the tool', async () => {
    for (const skipCount of [-1, 2.5]) {
      const { summary } = await engine.run(splitWorkflow({ skipCount }));
      expect(summary.tools.split.status).toBe('error');
      expect(summary.tools.split.messages.at(-1)!.text).toMatch(new RegExp(`output anchor 'B': skip\\(\\) takes a count of rows .* not ${skipCount}`));
    }
  });

  it('in update-only runs no anchor has connections (nothing receives packets)', async () => {
    const { summary } = await engine.run(splitWorkflow(), { mode: 'update' });
    expect(summary.tools.split.messages[0].text).toBe('connections A=0 B=0 updateOnly=true');
    expect(summary.tools.split.status).toBe('ok');
  });
});
