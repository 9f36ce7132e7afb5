// Input Data against files that once broke it: a first record over 1 MB read as "no fields" with
// 0 rows and status ok; a FIFO or a device blocked the worker in a synchronous open/read forever.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow } from '../../electron/engine/testing/index.js';
import type { TestEngine } from '../../electron/engine/testing/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weft-hostile-in-'));
let engine: TestEngine;
beforeAll(async () => { engine = await createTestEngine(); });
afterAll(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const big = 'x'.repeat(2 << 20);
const input = (file: string, config: Record<string, unknown> = {}) => testWorkflow({ t1: { plugin: 'weft/input-data', config: { path: file, ...config } } });
const copy = (file: string, target: string) => testWorkflow({
  t1: { plugin: 'weft/input-data', config: { path: file } },
  t2: { plugin: 'weft/output-data', config: { path: target } },
}, [['t1.Output', 't2.Input']]);
const errors = (summary: { tools: Record<string, { messages: { level: string; text: string }[] }> }, id: string) =>
  summary.tools[id].messages.filter((m) => m.level === 'error').map((m) => m.text).join('\n');

describe('input-data: a first record over 1 MB', () => {
  it('NDJSON: detects the fields and reads every row', async () => {
    writeFileSync(path.join(dir, 'wide.ndjson'), `${JSON.stringify({ id: 1, blob: big })}\n{"id":2,"blob":"b"}\n{"id":3,"blob":"c"}\n`);
    const { summary, previews } = await engine.run(input('wide.ndjson'), { workflowDir: dir });
    expect(summary.status, errors(summary, 't1')).toBe('ok');
    expect(summary.tools.t1.outputs.Output.metadata.fields.map((f) => f.name)).toEqual(['id', 'blob']);
    expect(summary.tools.t1.outputs.Output.records).toBe(3);
    expect(previews['t1.Output'].map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('JSON array: detects the fields and reads every element', async () => {
    writeFileSync(path.join(dir, 'wide.json'), JSON.stringify([{ id: 1, blob: big }, { id: 2, blob: 'b' }]));
    const { summary } = await engine.run(input('wide.json'), { workflowDir: dir });
    expect(summary.status, errors(summary, 't1')).toBe('ok');
    expect(summary.tools.t1.outputs.Output.metadata.fields.map((f) => f.name)).toEqual(['id', 'blob']);
    expect(summary.tools.t1.outputs.Output.records).toBe(2);
  });
});

describe('input-data: a source without fields fails, and its output target is kept', () => {
  for (const [name, text] of [['empty.ndjson', ''], ['blank.ndjson', '\n\n'], ['empty.json', '[]'], ['empty.csv', '']]) {
    it(`${name}: error, the previous target untouched`, async () => {
      writeFileSync(path.join(dir, name), text);
      writeFileSync(path.join(dir, 'kept.csv'), 'a\n1\n');
      const { summary } = await engine.run(copy(name, 'kept.csv'), { workflowDir: dir });
      expect(summary.status).toBe('error');
      expect(errors(summary, 't1')).toContain(`${name}: no fields found`);
      expect(summary.tools.t2.status).toBe('cancelled');
      expect(readFileSync(path.join(dir, 'kept.csv'), 'utf8')).toBe('a\n1\n');
    });
  }
});

describe('input-data: paths that are not regular files are refused at once', () => {
  it('a FIFO with no writer: update-only and a full run fail with a clear error instead of hanging', async () => {
    const fifo = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const update = await engine.run(input(fifo), { mode: 'update' });
    expect(errors(update.summary, 't1')).toContain('is a named pipe (FIFO), not a regular file');
    const full = await engine.run(input(fifo), { timeoutMs: 5000 });
    expect(full.summary.status).toBe('error');
    expect(errors(full.summary, 't1')).toContain('is a named pipe (FIFO), not a regular file');
    expect(errors(full.summary, 't1')).not.toContain('timeout');
  });

  it('/dev/zero (a device that never ends) is refused, not read', async () => {
    const { summary } = await engine.run(input('/dev/zero', { format: 'ndjson' }), { timeoutMs: 5000 });
    expect(errors(summary, 't1')).toContain('/dev/zero: is a character device, not a regular file');
  });

  it('a folder and a missing file name the path', async () => {
    const folder = await engine.run(input(dir, { format: 'csv' }));
    expect(errors(folder.summary, 't1')).toContain('is a folder, not a regular file');
    const absent = await engine.run(input('nope.csv'), { workflowDir: dir });
    expect(errors(absent.summary, 't1')).toContain('nope.csv (');
    expect(errors(absent.summary, 't1')).toContain('file not found');
  });
});
