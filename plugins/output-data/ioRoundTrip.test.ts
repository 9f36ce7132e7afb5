import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow } from '../../electron/engine/testing/index.js';
import type { TestEngine } from '../../electron/engine/testing/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weft-io-'));
let engine: TestEngine;
beforeAll(async () => { engine = await createTestEngine(); });
afterAll(async () => { await engine.dispose(); });

const CSV = 'id,big,name,amount,day,at,ok\n1,9007199254740993,"Zoë, ""quoted""",1.5,2026-11-21,2026-11-21T13:05:00,true\n2,-5,日本語,,2026-01-02,,false\n3,7,"multi\nline",-0.25,,2026-01-02 03:04:05,\n';

describe('input-data / output-data / text-input / browse through the engine', () => {
  it('update-only shows the detected fields, honouring a type override', async () => {
    writeFileSync(path.join(dir, 'in.csv'), CSV);
    const wf = testWorkflow({ t1: { plugin: 'weft/input-data', config: { path: 'in.csv', fieldTypes: { id: 'int64' } } } });
    const { summary } = await engine.run(wf, { mode: 'update', workflowDir: dir });
    expect(summary.tools.t1.status).toBe('ok');
    expect(summary.tools.t1.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:int64', 'big:int64', 'name:v_wstring', 'amount:double', 'day:date', 'at:datetime', 'ok:bool',
    ]);
  });

  for (const ext of ['csv', 'ndjson', 'json', 'parquet', 'xlsx', 'arrow']) {
    it(`round-trips through .${ext}`, async () => {
      writeFileSync(path.join(dir, 'in.csv'), CSV);
      const out = `out-${ext}.${ext}`;
      const write = testWorkflow({
        t1: { plugin: 'weft/input-data', config: { path: 'in.csv' } },
        t2: { plugin: 'weft/output-data', config: { path: out } },
      }, [['t1.Output', 't2.Input']]);
      const first = await engine.run(write, { mode: 'full', workflowDir: dir });
      expect(first.summary.status, JSON.stringify(first.summary.tools)).toBe('ok');
      expect(existsSync(path.join(dir, out))).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith('.weft-tmp'))).toEqual([]);
      const read = testWorkflow({ t1: { plugin: 'weft/input-data', config: { path: out, fieldTypes: ext === 'ndjson' || ext === 'json' || ext === 'xlsx' ? { big: 'int64' } : {} } } });
      const second = await engine.run(read, { mode: 'full', workflowDir: dir });
      expect(second.summary.status, JSON.stringify(second.summary.tools)).toBe('ok');
      const rows = second.previews['t1.Output'];
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatchObject({ id: 1, name: 'Zoë, "quoted"', amount: 1.5, day: '2026-11-21', at: '2026-11-21 13:05:00', ok: true });
      expect(rows[1]).toMatchObject({ id: 2, name: '日本語', amount: null, ok: false });
      expect(rows[2]).toMatchObject({ name: 'multi\nline', amount: -0.25, day: null, at: '2026-01-02 03:04:05', ok: null });
      if (ext !== 'ndjson' && ext !== 'json' && ext !== 'xlsx') expect(String(rows[0].big)).toBe('9007199254740993');
    });
  }

  it('output-data in fail mode: warns in update-only, errors in a full run, leaves the file alone', async () => {
    writeFileSync(path.join(dir, 'in.csv'), CSV);
    writeFileSync(path.join(dir, 'exists.csv'), 'keep');
    const wf = testWorkflow({
      t1: { plugin: 'weft/input-data', config: { path: 'in.csv' } },
      t2: { plugin: 'weft/output-data', config: { path: 'exists.csv', ifExists: 'fail' } },
    }, [['t1.Output', 't2.Input']]);
    const update = await engine.run(wf, { mode: 'update', workflowDir: dir });
    expect(update.summary.tools.t2.messages.some((m) => m.level === 'warn' && m.text.includes('exists.csv already exists'))).toBe(true);
    const full = await engine.run(wf, { mode: 'full', workflowDir: dir });
    expect(full.summary.tools.t2.status).toBe('error');
    expect(readFileSync(path.join(dir, 'exists.csv'), 'utf8')).toBe('keep');
  });

  it('errors name the file and line', async () => {
    writeFileSync(path.join(dir, 'bad.csv'), 'a,b\n1,2\n3,4,5\n');
    const wf = testWorkflow({ t1: { plugin: 'weft/input-data', config: { path: 'bad.csv' } } });
    const { summary } = await engine.run(wf, { mode: 'full', workflowDir: dir });
    expect(summary.tools.t1.status).toBe('error');
    expect(summary.tools.t1.messages.map((m) => m.text).join('\n')).toContain('bad.csv: line 3, column 3: too many fields');
  });

  it('text-input converts typed values; browse stores the whole stream as an Arrow file', async () => {
    const wf = testWorkflow({
      t1: { plugin: 'weft/text-input', config: { fields: [{ name: 'n', type: 'int64' }, { name: 'd', type: 'date' }, { name: 's', type: 'v_wstring' }], rows: [['9007199254740993', '2026-11-21', 'a'], [2, null, 'ü']] } },
      t2: { plugin: 'weft/browse' },
    }, [['t1.Output', 't2.Input']]);
    const update = await engine.run(wf, { mode: 'update', workflowDir: dir });
    expect(update.summary.tools.t1.outputs.Output.metadata.fields.map((f) => f.type)).toEqual(['int64', 'date', 'v_wstring']);
    const full = await engine.run(wf, { mode: 'full', workflowDir: dir });
    expect(full.summary.status, JSON.stringify(full.summary.tools)).toBe('ok');
    const stored = full.summary.tools.t2.results.find((r) => r.endsWith('browse-t2.arrow'));
    expect(stored).toBeDefined();
    const table = tableFromIPC(readFileSync(stored!));
    expect(table.toArray().map((r) => r.toJSON())).toEqual([{ n: 9007199254740993n, d: '2026-11-21', s: 'a' }, { n: 2n, d: null, s: 'ü' }]);
  });

  it('streams a large CSV in bounded packets', async () => {
    const lines = ['id,cat,v'];
    for (let i = 0; i < 200_000; i++) lines.push(`${i},c${i % 13},${i / 4}`);
    writeFileSync(path.join(dir, 'big.csv'), lines.join('\n') + '\n');
    const wf = testWorkflow({ t1: { plugin: 'weft/input-data', config: { path: 'big.csv' } }, t2: { plugin: 'weft/browse' } }, [['t1.Output', 't2.Input']]);
    const { summary, events } = await engine.run(wf, { mode: 'full', workflowDir: dir });
    expect(summary.status, JSON.stringify(summary.tools)).toBe('ok');
    expect(summary.tools.t1.outputs.Output.records).toBe(200_000);
    const table = tableFromIPC(readFileSync(summary.tools.t2.results[0]));
    expect(table.numRows).toBe(200_000);
    expect(table.batches.length).toBe(Math.ceil(200_000 / 65536));
    expect(Math.max(...table.batches.map((b) => b.numRows))).toBeLessThanOrEqual(65536);
    expect(events.some((e) => e.type === 'tool-progress' && e.toolId === 't1')).toBe(true);
  });
});
