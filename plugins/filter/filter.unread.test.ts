import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testWorkflow } from '../../electron/engine/testing/index.js';
import { engineWithTestkit } from '../common/transformTestkit/runTool.js';
import { writeDataFile } from '../common/transformTestkit/testData.js';

// A side of the Filter that no tool reads gets only the rows its preview shows; the rest are
// counted (OutputAnchor.skip): the counts and the preview must be those of the full split.
let engine: Awaited<ReturnType<typeof engineWithTestkit>>;
let file: string;
const ROWS = 5000;
const isTrue = (i: number) => i % 7 === 0 || i % 3 === 1;
const expectedTrue = Array.from({ length: ROWS }, (_, i) => i).filter(isTrue);
const expectedFalse = Array.from({ length: ROWS }, (_, i) => i).filter((i) => !isTrue(i));

beforeAll(async () => {
  engine = await engineWithTestkit();
  file = writeDataFile({
    fields: [{ name: 'n', type: 'int32' }, { name: 'pass', type: 'bool' }, { name: 'label', type: 'v_wstring' }],
    columns: {
      n: Array.from({ length: ROWS }, (_, i) => i),
      pass: Array.from({ length: ROWS }, (_, i) => isTrue(i)),
      label: Array.from({ length: ROWS }, (_, i) => `row ${i}`),
    },
  });
});
afterAll(async () => {
  await engine?.dispose();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

function run(connected: 'True' | 'False') {
  return engine.run(testWorkflow({
    s: { plugin: 'c3kit/arrow-source', config: { file, fields: [{ name: 'n', type: 'int32' }, { name: 'pass', type: 'bool' }, { name: 'label', type: 'v_wstring' }], packetRows: 700 } },
    f: { plugin: 'weft/filter', config: { expression: '[pass]' } },
    d: { plugin: 'weft/record-id', config: {} },
  }, [['s.Output', 'f.Input'], [`f.${connected}`, 'd.Input']]), { previewRows: 9 });
}

describe('filter: a side nothing reads', () => {
  for (const connected of ['True', 'False'] as const) {
    const unread = connected === 'True' ? 'False' : 'True';
    it(`${unread} unconnected: counts every row, previews its first rows; ${connected} gets all its rows`, async () => {
      const { summary, previews } = await run(connected);
      expect(summary.status, JSON.stringify(summary.tools.f.messages)).toBe('ok');
      const want = { True: expectedTrue, False: expectedFalse };
      expect(summary.tools.f.outputs[unread].records).toBe(want[unread].length);
      expect(summary.tools.f.outputs[connected].records).toBe(want[connected].length);
      expect(summary.tools.d.outputs.Output.records).toBe(want[connected].length);
      expect(previews[`f.${unread}`].map((r) => r.n)).toEqual(want[unread].slice(0, 9));
      expect(previews[`f.${unread}`][2]).toEqual({ n: want[unread][2], pass: unread === 'True', label: `row ${want[unread][2]}` });
      expect(previews['d.Output'].map((r) => r.n)).toEqual(want[connected].slice(0, 9));
    });
  }
});
