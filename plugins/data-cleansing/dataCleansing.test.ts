import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';
import { textCleanser, type CleanseOptions } from './cleanseText.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data: TestData = {
  fields: [
    { name: 'name', type: 'v_wstring', size: 50 }, { name: 'qty', type: 'int32' }, { name: 'big', type: 'int64' },
    { name: 'price', type: 'double' }, { name: 'empty', type: 'v_string' }, { name: 'day', type: 'date' },
  ],
  columns: {
    name: ['  ann\t\tlee  ', null, null, 'Ünal-o\'neil 3!', ''],
    qty: [1, null, null, 4, 5],
    big: [10n, null, null, null, 9007199254740993n],
    price: [null, null, null, 2.5, 1],
    empty: [null, null, null, null, null],
    day: ['2026-01-02', null, null, null, '2026-11-21'],
  },
};

const all = ['name', 'qty', 'big', 'price', 'empty', 'day'];

describe('data cleansing through the engine', () => {
  it('keeps the input fields in update-only (null columns cannot be known there)', async () => {
    const { summary } = await runTool(engine, 'data-cleansing', { fields: all, removeNullColumns: true }, data, { mode: 'update' });
    expect(summary.tools.t.status).not.toBe('error');
    expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => f.name)).toEqual(all);
  });

  it('removes null rows and replaces nulls with blanks and 0, trimming by default', async () => {
    for (const packetRows of [1, 2, 3]) {
      const { outputs, messages } = await runTool(engine, 'data-cleansing', { fields: all }, data, { packetRows });
      expect(outputs.Output).toEqual([
        { name: 'ann\t\tlee', qty: 1, big: '10', price: 0, empty: '', day: '2026-01-02' },
        { name: 'Ünal-o\'neil 3!', qty: 4, big: '0', price: 2.5, empty: '', day: null },
        { name: '', qty: 5, big: '9007199254740993', price: 1, empty: '', day: '2026-11-21' },
      ]);
      expect(messages).toEqual(['info: removed 2 row(s) that are null in every field']);
    }
  });

  it('cleanses only the chosen fields and keeps null rows when asked', async () => {
    const { outputs } = await runTool(engine, 'data-cleansing', { removeNullRows: false, fields: ['name'], collapseWhitespace: true, removePunctuation: true, modifyCase: 'title' }, data);
    expect(outputs.Output.map((r) => r.name)).toEqual(['Ann Lee', '', '', 'Ünaloneil 3', '']);
    expect(outputs.Output.map((r) => r.qty)).toEqual([1, null, null, 4, 5]);
  });

  it('removes fields that are null in every row, holding the data until the end', async () => {
    const { outputs, summary, messages } = await runTool(engine, 'data-cleansing', { fields: [], removeNullColumns: true }, data, { packetRows: 2 });
    expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => f.name)).toEqual(['name', 'qty', 'big', 'price', 'day']);
    expect(outputs.Output.map((r) => r.name)).toEqual(['  ann\t\tlee  ', 'Ünal-o\'neil 3!', '']);
    expect(messages).toEqual(['info: removed 1 field(s) that are null in every row: "empty"', 'info: removed 2 row(s) that are null in every field']);
  });

  it('keeps every field for an empty input, and names missing fields', async () => {
    const empty: TestData = { fields: data.fields, columns: Object.fromEntries(all.map((n) => [n, []])) };
    const { summary } = await runTool(engine, 'data-cleansing', { fields: all, removeNullColumns: true }, empty);
    expect(summary.tools.t.status).toBe('ok');
    expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => f.name)).toEqual(all);
    const bad = await runTool(engine, 'data-cleansing', { fields: ['nope', 'name'] }, data, { mode: 'update' });
    expect(bad.summary.tools.t.status).toBe('error');
    expect(bad.messages.join()).toMatch(/field\(s\) "nope" to cleanse are not in the input/);
  });
});

describe('text cleansing rules', () => {
  const none: CleanseOptions = {
    replaceNullText: false, replaceNullNumbers: false, trimWhitespace: false, collapseWhitespace: false, removeAllWhitespace: false,
    removeLetters: false, removeNumbers: false, removePunctuation: false, modifyCase: 'none',
  };
  const clean = (options: Partial<CleanseOptions>, value: string | null) => textCleanser({ ...none, ...options })(value);

  it('handles whitespace, letters, digits and punctuation in Unicode', () => {
    expect(clean({ trimWhitespace: true }, ' \t a  b \n')).toBe('a  b');
    expect(clean({ collapseWhitespace: true }, ' a\t\r\nb  c ')).toBe(' a b c ');
    expect(clean({ removeAllWhitespace: true }, ' a\tb\u00a0c ')).toBe('abc');
    expect(clean({ removeLetters: true }, 'Tōkyō東京 2026')).toBe(' 2026');
    expect(clean({ removeNumbers: true }, 'a1٢b3')).toBe('ab');
    expect(clean({ removePunctuation: true }, 'a.b,c!d¿e«f»$+<=>^`|~g')).toBe('abcdefg');
    expect(clean({ modifyCase: 'upper' }, 'straße')).toBe('STRASSE');
    expect(clean({ modifyCase: 'title' }, "hELLO o'neil mcdonald-smith")).toBe("Hello O'neil Mcdonald-Smith");
    expect(clean({}, null)).toBe(null);
    expect(clean({ replaceNullText: true, modifyCase: 'upper' }, null)).toBe('');
  });
});
