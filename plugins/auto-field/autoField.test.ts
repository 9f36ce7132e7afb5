import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const text = (name: string) => ({ name, type: 'v_wstring' as const, size: 1000 });
const data: TestData = {
  fields: [text('small'), text('neg'), text('wide'), text('huge'), text('dec'), text('flag'), text('day'), text('stamp'), text('clock'), text('zip'), text('word'), text('nothing'), { name: 'n', type: 'double' }],
  columns: {
    small: ['1', '255', null, '0'],
    neg: ['-1', '300', '', '7'],
    wide: ['70000', '-5', '1', '2'],
    huge: ['9007199254740993', '1', '2', '3'],
    dec: ['1.5', '2', '-.25', '1e3'],
    flag: ['True', 'false', 'TRUE', null],
    day: ['2026-01-31', '2024-02-29', null, '1999-12-31'],
    stamp: ['2026-01-31 13:05:00', '2024-02-29', '2026-01-31 00:00:01', ''],
    clock: ['13:05:00', '00:00:00', '23:59:59', null],
    zip: ['007', '123', '42', '9'],
    word: ['ábc', 'de', 'ñandú', '東京'],
    nothing: [null, '', null, ''],
    n: [1, 2, 3, 4],
  },
};
const fieldList = (fields: { name: string; type: string; size?: number }[]) => fields.map((f) => `${f.name}:${f.type}${f.size ? `:${f.size}` : ''}`);

describe('auto-field through the engine', () => {
  it('keeps the input metadata in update-only and says the types come at run time', async () => {
    const { summary, messages } = await runTool(engine, 'auto-field', {}, data, { mode: 'update' });
    expect(summary.tools.t.outputs.Output.metadata.fields).toEqual(data.fields);
    expect(messages).toEqual(['info: the types of 12 text field(s) are chosen from the data: they are known when the tool runs']);
  });

  for (const packetRows of [1, 2, 3]) {
    it(`picks the narrowest type for every text field and converts the values (packets of ${packetRows})`, async () => {
      const { summary, outputs } = await runTool(engine, 'auto-field', {}, data, { packetRows });
      expect(summary.status).toBe('ok');
      expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual([
        'small:byte', 'neg:int16', 'wide:int32', 'huge:int64', 'dec:double', 'flag:bool', 'day:date', 'stamp:datetime', 'clock:time',
        'zip:string:3', 'word:wstring:5', 'nothing:v_wstring:1000', 'n:double',
      ]);
      expect(outputs.Output[0]).toEqual({
        small: 1, neg: -1, wide: 70000, huge: '9007199254740993', dec: 1.5, flag: true, day: '2026-01-31', stamp: '2026-01-31 13:05:00', clock: '13:05:00',
        zip: '007', word: 'ábc', nothing: null, n: 1,
      });
      expect(outputs.Output.map((r) => r.neg)).toEqual([-1, 300, null, 7]);
      expect(outputs.Output.map((r) => r.stamp)).toEqual(['2026-01-31 13:05:00', '2024-02-29 00:00:00', '2026-01-31 00:00:01', null]);
      expect(outputs.Output.map((r) => r.dec)).toEqual([1.5, 2, -0.25, 1000]);
    });
  }

  it('keeps Latin-1 text as string and other text as wstring', async () => {
    const latin: TestData = { fields: [text('a'), text('b')], columns: { a: ['ábc', 'ñandú'], b: ['x', '😀'] } };
    const { summary } = await runTool(engine, 'auto-field', {}, latin);
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['a:string:5', 'b:wstring:1']);
  });

  it('retypes only the chosen fields, leaves excluded ones and names a field that is not text', async () => {
    const { summary, messages } = await runTool(engine, 'auto-field', { fields: ['small', 'n'], unknownFields: false }, data);
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields).slice(0, 3)).toEqual(['small:byte', 'neg:v_wstring:1000', 'wide:v_wstring:1000']);
    expect(messages).toEqual(['warn: field "n" is double, not text: it keeps its type']);
    const excluded = await runTool(engine, 'auto-field', { excludedFields: ['zip', 'huge'] }, data);
    expect(fieldList(excluded.summary.tools.t.outputs.Output.metadata.fields).filter((f) => /^(zip|huge|small)/.test(f))).toEqual(['small:byte', 'huge:v_wstring:1000', 'zip:v_wstring:1000']);
  });

  it('turns an invalid date, a leading zero or an out-of-range integer into text, and passes an empty input', async () => {
    const odd: TestData = { fields: [text('d'), text('i')], columns: { d: ['2026-02-30', '2026-01-01'], i: ['99999999999999999999', '1'] } };
    const { summary } = await runTool(engine, 'auto-field', {}, odd);
    expect(fieldList(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['d:string:10', 'i:double']);
    const empty: TestData = { fields: data.fields, columns: Object.fromEntries(data.fields.map((f) => [f.name, []])) };
    const none = await runTool(engine, 'auto-field', {}, empty);
    expect(none.summary.tools.t.status).toBe('ok');
    expect(none.summary.tools.t.outputs.Output.metadata.fields).toEqual(data.fields);
    expect(none.summary.tools.t.outputs.Output.records).toBe(0);
  });
});
