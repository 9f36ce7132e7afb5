// Output Data never replaces its target because of an upstream that produced nothing by mistake:
// a stream without fields is refused, and a failed or cancelled upstream cancels the write.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow } from '../../electron/engine/testing/index.js';
import type { TestEngine } from '../../electron/engine/testing/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weft-out-safety-'));
let engine: TestEngine;
beforeAll(async () => { engine = await createTestEngine(); });
afterAll(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const KEPT = 'a\n1\n';
const errors = (summary: { tools: Record<string, { messages: { level: string; text: string }[] }> }, id: string) =>
  summary.tools[id].messages.filter((m) => m.level === 'error').map((m) => m.text).join('\n');

describe('output-data keeps its target when the input is not trustworthy', () => {
  it('an input without fields is an error and writes nothing', async () => {
    writeFileSync(path.join(dir, 'kept.csv'), KEPT);
    const wf = testWorkflow({
      t1: { plugin: 'weft/text-input', config: { fields: [{ name: 'a', type: 'int32' }], rows: [[1]] } },
      t2: { plugin: 'weft/select', config: { fields: [{ field: 'a', selected: false }], newFields: 'drop' } },
      t3: { plugin: 'weft/output-data', config: { path: 'kept.csv' } },
    }, [['t1.Output', 't2.Input'], ['t2.Output', 't3.Input']]);
    const { summary } = await engine.run(wf, { workflowDir: dir });
    expect(summary.tools.t2.outputs.Output.metadata.fields).toEqual([]);
    expect(errors(summary, 't3')).toContain('kept.csv: the input has no fields; nothing written, the file is left as it was');
    expect(readFileSync(path.join(dir, 'kept.csv'), 'utf8')).toBe(KEPT);
  });

  it('an upstream failing after it sent rows cancels the write: the target is as it was', async () => {
    const lines = Array.from({ length: 150_000 }, (_, i) => JSON.stringify({ id: i, name: `n${i}` }));
    lines.push('{not json');
    writeFileSync(path.join(dir, 'broken.ndjson'), `${lines.join('\n')}\n`);
    writeFileSync(path.join(dir, 'kept.csv'), KEPT);
    const wf = testWorkflow({
      t1: { plugin: 'weft/input-data', config: { path: 'broken.ndjson' } },
      t2: { plugin: 'weft/output-data', config: { path: 'kept.csv' } },
    }, [['t1.Output', 't2.Input']]);
    const { summary } = await engine.run(wf, { workflowDir: dir });
    expect(errors(summary, 't1')).toContain('broken.ndjson: line 150001: not valid JSON');
    expect(summary.tools.t2.status).toBe('cancelled');
    expect(readFileSync(path.join(dir, 'kept.csv'), 'utf8')).toBe(KEPT);
    expect(readdirSync(dir).filter((f) => f.endsWith('.weft-tmp'))).toEqual([]);
  });
});
