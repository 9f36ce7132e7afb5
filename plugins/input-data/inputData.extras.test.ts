// Text fields cut to a set size (with a counted warning), the file name or path as a field, code page 1252.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow } from '../../electron/engine/testing/index.js';
import type { TestEngine } from '../../electron/engine/testing/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'weft-input-extras-'));
let engine: TestEngine;
beforeAll(async () => { engine = await createTestEngine(); });
afterAll(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function read(name: string, content: string | Buffer, config: Record<string, unknown>) {
  writeFileSync(path.join(dir, name), content);
  const { summary, previews } = await engine.run(testWorkflow({ t1: { plugin: 'weft/input-data', config: { path: name, ...config } } }), { workflowDir: dir });
  return {
    status: summary.tools.t1.status,
    fields: summary.tools.t1.outputs.Output?.metadata.fields,
    rows: previews['t1.Output'],
    messages: summary.tools.t1.messages.map((m) => `${m.level}: ${m.text}`),
  };
}

describe('input-data extras', () => {
  it('cuts text to its size by characters (never inside one) and counts the cut values', async () => {
    const { fields, rows, messages } = await read('long.csv', 'name,note\nAnneliese,😀😀😀x\nBo,ok\nChristoph,\n', { textSizes: { name: 5, note: 2 } });
    expect(fields).toEqual([{ name: 'name', type: 'v_wstring', size: 5 }, { name: 'note', type: 'v_wstring', size: 2 }]);
    expect(rows).toEqual([{ name: 'Annel', note: '😀😀' }, { name: 'Bo', note: 'ok' }, { name: 'Chris', note: null }]);
    expect(messages).toEqual(['warn: 2 value(s) of "name" were cut to its size of 5 characters', 'warn: 1 value(s) of "note" were cut to its size of 2 characters']);
  });

  it('adds the file name or the full path as a field', async () => {
    const byName = await read('people.csv', 'id\n1\n2\n', { fileNameField: 'FileName' });
    expect(byName.fields?.at(-1)).toMatchObject({ name: 'FileName', type: 'v_wstring' });
    expect(byName.rows).toEqual([{ id: 1, FileName: 'people.csv' }, { id: 2, FileName: 'people.csv' }]);
    const byPath = await read('people.csv', 'id\n1\n', { fileNameField: 'Source', fileNameValue: 'path' });
    expect(byPath.rows).toEqual([{ id: 1, Source: path.join(dir, 'people.csv') }]);
  });

  it('reads code page 1252', async () => {
    const { rows } = await read('w1252.csv', Buffer.from([0x74, 0x0a, 0x80, 0x35, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x0a]), { encoding: 'windows1252' });
    expect(rows).toEqual([{ t: '€5 “ok”' }]);
  });

  it('names the setting that does not fit the file', async () => {
    const { status, messages } = await read('p.csv', 'id,name\n1,a\n', { textSizes: { id: 3, nope: 2 }, fileNameField: 'NAME' });
    expect(status).toBe('error');
    expect(messages.join()).toContain('textSizes: "id" is not a text field of the file; textSizes: "nope" is not a text field of the file; fileNameField: the file already has a field "NAME"');
  });
});
