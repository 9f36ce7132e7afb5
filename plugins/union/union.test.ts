import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const a: TestData = {
  fields: [{ name: 'n', type: 'int32' }, { name: 'label', type: 'v_string', size: 10 }, { name: 'day', type: 'date' }],
  columns: { n: [1, 2, null], label: ['a', null, 'c'], day: ['2026-01-01', null, '2026-01-03'] },
};
const b: TestData = {
  fields: [{ name: 'LABEL', type: 'v_wstring', size: 40 }, { name: 'n', type: 'int64' }, { name: 'day', type: 'datetime' }, { name: 'extra', type: 'double' }],
  columns: { LABEL: ['ü', 'y'], n: [9007199254740993n, null], day: ['2026-02-01 10:00:00', null], extra: [1.5, null] },
};
const c: TestData = {
  fields: [{ name: 'n', type: 'double' }, { name: 'label', type: 'int32' }],
  columns: { n: [0.5], label: [42] },
};

function union(inputs: { data: TestData; name: string }[], config: Record<string, unknown>, mode: 'full' | 'update' = 'full') {
  return runTool(engine, 'union', config, null, { mode, packetRows: 1, inputs: inputs.map((i) => ({ anchor: 'Input', data: i.data, connectionName: i.name })) });
}

describe('union through the engine', () => {
  it('widens types by name in update-only', async () => {
    const { summary } = await union([{ data: a, name: '#1' }, { data: b, name: '#2' }], { mode: 'name' }, 'update');
    expect(summary.tools.t.outputs.Output.metadata.fields).toEqual([
      { name: 'n', type: 'int64' }, { name: 'label', type: 'v_wstring', size: 40 }, { name: 'day', type: 'datetime' }, { name: 'extra', type: 'double' },
    ]);
  });

  it('stacks rows in connection-name order (#1 before #2, whatever the canvas order), nulls for missing fields', async () => {
    const { outputs } = await union([{ data: b, name: '#2' }, { data: a, name: '#1' }], { mode: 'name' });
    expect(outputs.Output).toEqual([
      { n: '1', label: 'a', day: '2026-01-01 00:00:00', extra: null },
      { n: '2', label: null, day: null, extra: null },
      { n: null, label: 'c', day: '2026-01-03 00:00:00', extra: null },
      { n: '9007199254740993', label: 'ü', day: '2026-02-01 10:00:00', extra: 1.5 },
      { n: null, label: 'y', day: null, extra: null },
    ]);
  });

  it('matches fields by position, widening to double and to string', async () => {
    const { outputs, summary } = await union([{ data: a, name: '#1' }, { data: c, name: '#2' }], { mode: 'position' });
    expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['n:double', 'label:v_string', 'day:date']);
    expect(outputs.Output.at(-1)).toEqual({ n: 0.5, label: '42', day: null });
  });

  it('outputs only the fields every input has, by name and by position', async () => {
    const byName = await union([{ data: a, name: '#1' }, { data: b, name: '#2' }], { mode: 'name', commonFieldsOnly: true });
    expect(byName.outputs.Output.map((r) => Object.keys(r).join(','))).toEqual(Array(5).fill('n,label,day'));
    const byPosition = await union([{ data: b, name: '#1' }, { data: c, name: '#2' }], { mode: 'position', commonFieldsOnly: true });
    expect(byPosition.summary.tools.t.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['LABEL:v_wstring', 'n:int64']);
    expect(byPosition.outputs.Output.at(-1)).toEqual({ LABEL: '0.5', n: '42' });
  });

  it('maps fields manually per connection and stacks in the set order', async () => {
    const config = {
      mode: 'manual', inputOrder: ['#2', '#1'],
      manualFields: [{ name: 'text', sources: { '#1': 'label', '#2': 'LABEL' } }, { name: 'number', sources: { '#2': 'extra' } }],
    };
    const { outputs, summary } = await union([{ data: a, name: '#1' }, { data: b, name: '#2' }], config);
    expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['text:v_wstring', 'number:double']);
    expect(outputs.Output).toEqual([
      { text: 'ü', number: 1.5 }, { text: 'y', number: null },
      { text: 'a', number: null }, { text: null, number: null }, { text: 'c', number: null },
    ]);
  });

  it('fails with the place when a manual field names a field the connection lacks', async () => {
    const config = { mode: 'manual', manualFields: [{ name: 'x', sources: { '#1': 'n', '#2': 'missing' } }] };
    const { summary } = await union([{ data: a, name: '#1' }, { data: b, name: '#2' }], config, 'update');
    expect(summary.tools.t.status).toBe('error');
    expect(JSON.stringify(summary.tools.t)).toContain('field \\"missing\\" is not in connection #2');
  });
});
