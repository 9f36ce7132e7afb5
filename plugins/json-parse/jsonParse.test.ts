import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data: TestData = {
  fields: [{ name: 'id', type: 'int32' }, { name: 'doc', type: 'v_wstring' }],
  columns: {
    id: [1, 2, 3, 4, 5],
    doc: ['{"a":{"b":9007199254740993,"c":[true,null]},"s":"東京","e":{}}', '[1.5, "x"]', null, '{bad', '"plain"'],
  },
};

const fieldsOf = (fields: { name: string; type: string }[]) => fields.map((f) => `${f.name}:${f.type}`);

describe('json parse: rows', () => {
  it('gives name/value rows with exact numbers, keeping null and invalid records', async () => {
    for (const packetRows of [1, 2, 3]) {
      const { outputs, summary, messages } = await runTool(engine, 'json-parse', { field: 'doc' }, data, { packetRows });
      expect(fieldsOf(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int32', 'JSON_Name:v_wstring', 'JSON_ValueString:v_wstring']);
      expect(outputs.Output.map((r) => [r.id, r.JSON_Name, r.JSON_ValueString])).toEqual([
        [1, 'a.b', '9007199254740993'], [1, 'a.c.0', 'true'], [1, 'a.c.1', null], [1, 's', '東京'], [1, 'e', null],
        [2, '0', '1.5'], [2, '1', 'x'], [3, null, null], [4, null, null], [5, '', 'plain'],
      ]);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/^warn: 1 value\(s\) of "doc" are not valid JSON; their rows have null values \(first: row 4: "\{bad": /);
    }
  });

  it('puts each value in the field of its kind, and keeps the JSON field and whole arrays when asked', async () => {
    const { outputs, summary } = await runTool(engine, 'json-parse', { field: 'doc', valueFields: 'typed', includeJsonField: true, flattenArrays: true }, data, { packetRows: 2 });
    expect(fieldsOf(summary.tools.t.outputs.Output.metadata.fields)).toEqual([
      'id:int32', 'doc:v_wstring', 'JSON_Name:v_wstring', 'JSON_ValueString:v_wstring', 'JSON_ValueInt:int64', 'JSON_ValueFloat:double', 'JSON_ValueBool:bool',
    ]);
    expect(outputs.Output.slice(0, 4).map((r) => [r.JSON_Name, r.JSON_ValueString, r.JSON_ValueInt, r.JSON_ValueFloat, r.JSON_ValueBool])).toEqual([
      ['a.b', null, '9007199254740993', null, null], ['a.c', '[true,null]', null, null, null], ['s', '東京', null, null, null], ['e', null, null, null, null],
    ]);
    expect(outputs.Output[4]).toMatchObject({ id: 2, JSON_Name: '', JSON_ValueString: '[1.5,"x"]' });
  });
});

describe('json parse: columns', () => {
  it('makes one field per name found, holding the data; update-only knows only the input fields', async () => {
    const update = await runTool(engine, 'json-parse', { field: 'doc', output: 'columns' }, data, { mode: 'update' });
    expect(fieldsOf(update.summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int32']);
    const { outputs, summary } = await runTool(engine, 'json-parse', { field: 'doc', output: 'columns' }, data, { packetRows: 2 });
    expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => f.name)).toEqual(['id', 'a.b', 'a.c.0', 'a.c.1', 's', 'e', '0', '1', 'JSON_Value']);
    expect(outputs.Output[0]).toEqual({ id: 1, 'a.b': '9007199254740993', 'a.c.0': 'true', 'a.c.1': null, s: '東京', e: null, 0: null, 1: null, JSON_Value: null });
    expect(outputs.Output[1]).toMatchObject({ id: 2, 0: '1.5', 1: 'x', 'a.b': null });
    // a top-level value has no name: its column is JSON_Value
    expect(outputs.Output[4]).toMatchObject({ id: 5, JSON_Value: 'plain' });
  });

  it('streams into configured columns, exact in update-only, counting values without a column', async () => {
    const config = { field: 'doc', output: 'columns', columnNames: ['a.b', 's'] };
    const update = await runTool(engine, 'json-parse', config, data, { mode: 'update' });
    expect(fieldsOf(update.summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int32', 'a.b:v_wstring', 's:v_wstring']);
    const { outputs, messages } = await runTool(engine, 'json-parse', config, data, { packetRows: 1 });
    expect(outputs.Output.map((r) => [r['a.b'], r.s])).toEqual([['9007199254740993', '東京'], [null, null], [null, null], [null, null], [null, null]]);
    expect(messages).toContain('warn: 6 JSON value(s) have a name that is not one of the configured columns and were dropped (first: row 1: "a.c.0")');
  });
});

describe('json parse: errors and empty input', () => {
  it('names a missing or non-text field and a clashing output name', async () => {
    const check = async (config: Record<string, unknown>, message: RegExp) => {
      const { summary, messages } = await runTool(engine, 'json-parse', config, data, { mode: 'update' });
      expect(summary.tools.t.status).toBe('error');
      expect(messages.join()).toMatch(message);
    };
    await check({ field: 'nope' }, /field "nope" is not in the input/);
    await check({ field: 'id' }, /field "id" is int32: JSON Parse reads a text field/);
    await check({ field: 'doc', output: 'columns', columnNames: ['id'] }, /output field "id" is already in the input/);
  });

  it('passes an empty input', async () => {
    const empty: TestData = { fields: data.fields, columns: { id: [], doc: [] } };
    for (const output of ['rows', 'columns']) {
      const { summary } = await runTool(engine, 'json-parse', { field: 'doc', output }, empty);
      expect(summary.tools.t.status).toBe('ok');
      expect(summary.tools.t.outputs.Output.records).toBe(0);
    }
  });
});
