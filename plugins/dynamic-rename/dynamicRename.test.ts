import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data: TestData = {
  fields: [{ name: 'id', type: 'int64' }, { name: 'first name', type: 'v_wstring', size: 20 }, { name: 'x_amount', type: 'double' }],
  columns: { id: [1n, 9007199254740993n, null], 'first name': ['Ann', '東京', null], x_amount: [1.5, null, 3] },
};
const names = (fields: { name: string; type: string }[]) => fields.map((f) => `${f.name}:${f.type}`);

describe('dynamic-rename through the engine', () => {
  it('renames by formula with exact metadata in update-only, values untouched', async () => {
    const config = { mode: 'formula', excludedFields: ['id'], expression: 'Uppercase(Replace([_CurrentField_], " ", "_"))' };
    const update = await runTool(engine, 'dynamic-rename', config, data, { mode: 'update' });
    expect(names(update.summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int64', 'FIRST_NAME:v_wstring', 'X_AMOUNT:double']);
    const run = await runTool(engine, 'dynamic-rename', config, data, { packetRows: 2 });
    expect(run.summary.status).toBe('ok');
    expect(run.outputs.Output).toEqual([
      { id: '1', FIRST_NAME: 'Ann', X_AMOUNT: 1.5 }, { id: '9007199254740993', FIRST_NAME: '東京', X_AMOUNT: null }, { id: null, FIRST_NAME: null, X_AMOUNT: 3 },
    ]);
  });

  it('adds and removes prefixes and suffixes on the chosen fields', async () => {
    const add = await runTool(engine, 'dynamic-rename', { mode: 'addSuffix', fields: ['id'], unknownFields: false, text: '_ñ' }, data, { mode: 'update' });
    expect(names(add.summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id_ñ:int64', 'first name:v_wstring', 'x_amount:double']);
    const remove = await runTool(engine, 'dynamic-rename', { mode: 'removePrefix', text: 'x_' }, data, { packetRows: 1 });
    expect(names(remove.summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int64', 'first name:v_wstring', 'amount:double']);
    expect(remove.outputs.Output.map((r) => r.amount)).toEqual([1.5, null, 3]);
  });

  for (const packetRows of [1, 2, 3]) {
    it(`takes the names from the first row and drops it (packets of ${packetRows})`, async () => {
      const header: TestData = { fields: [{ name: 'F1', type: 'v_wstring' }, { name: 'F2', type: 'v_wstring' }, { name: 'F3', type: 'v_wstring' }], columns: { F1: ['name', 'Ann', 'Bo', 'Cy'], F2: ['städt', 'x', null, 'z'], F3: [null, '1', '2', '3'] } };
      const run = await runTool(engine, 'dynamic-rename', { mode: 'firstRow' }, header, { packetRows });
      expect(names(run.summary.tools.t.outputs.Output.metadata.fields)).toEqual(['name:v_wstring', 'städt:v_wstring', 'F3:v_wstring']);
      expect(run.outputs.Output).toEqual([{ name: 'Ann', städt: 'x', F3: '1' }, { name: 'Bo', städt: null, F3: '2' }, { name: 'Cy', städt: 'z', F3: '3' }]);
      expect(run.messages).toEqual(['warn: the first row of "F3" is null: the field keeps its name']);
    });
  }

  it('keeps the input fields in update-only when the names come from data, and says so', async () => {
    const { summary, messages } = await runTool(engine, 'dynamic-rename', { mode: 'firstRow' }, data, { mode: 'update' });
    expect(names(summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int64', 'first name:v_wstring', 'x_amount:double']);
    expect(messages).toEqual(['info: the new names come from the first row of data: they are known when the tool runs']);
  });

  it('takes names from the Right input metadata by position, or from its rows', async () => {
    const right: TestData = { fields: [{ name: 'old', type: 'v_wstring' }, { name: 'new', type: 'v_wstring' }], columns: { old: ['FIRST NAME', 'id', 'nope'], new: ['given', 'key', 'never'] } };
    const inputs = [{ anchor: 'Input', data }, { anchor: 'Right', data: right }];
    const meta = await runTool(engine, 'dynamic-rename', { mode: 'rightInputMetadata', fields: ['x_amount', 'id'], unknownFields: false }, null, { mode: 'update', inputs });
    expect(names(meta.summary.tools.t.outputs.Output.metadata.fields)).toEqual(['old:int64', 'first name:v_wstring', 'new:double']);
    const rows = await runTool(engine, 'dynamic-rename', { mode: 'rightInputRows', oldNameField: 'old', newNameField: 'new' }, null, { packetRows: 2, inputs });
    expect(names(rows.summary.tools.t.outputs.Output.metadata.fields)).toEqual(['key:int64', 'given:v_wstring', 'x_amount:double']);
    expect(rows.outputs.Output[1]).toEqual({ key: '9007199254740993', given: '東京', x_amount: null });
  });

  it('fails on clashing or empty names and on a formula error, naming the fields', async () => {
    const clash = await runTool(engine, 'dynamic-rename', { mode: 'formula', expression: '"same"' }, data, { mode: 'update' });
    expect(clash.summary.tools.t.status).toBe('error');
    expect(clash.messages.join()).toMatch(/fields "id" and "first name" would both be named "same"/);
    const bad = await runTool(engine, 'dynamic-rename', { mode: 'formula', expression: '[nope] + "x"' }, data, { mode: 'update' });
    expect(bad.messages.join()).toMatch(/formula: .*nope/);
    const right = await runTool(engine, 'dynamic-rename', { mode: 'rightInputRows' }, data, { mode: 'update' });
    expect(right.messages.join()).toMatch(/mode rightInputRows needs the Right input connected/);
  });

  it('passes an empty input through; firstRow keeps the names with a warning', async () => {
    const empty: TestData = { fields: data.fields, columns: { id: [], 'first name': [], x_amount: [] } };
    const run = await runTool(engine, 'dynamic-rename', { mode: 'firstRow' }, empty);
    expect(run.summary.tools.t.status).toBe('ok');
    expect(names(run.summary.tools.t.outputs.Output.metadata.fields)).toEqual(['id:int64', 'first name:v_wstring', 'x_amount:double']);
    expect(run.messages).toEqual(['warn: the input has no rows: the field names stay as they are']);
  });
});
