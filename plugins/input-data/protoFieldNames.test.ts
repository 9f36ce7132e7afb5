// Field names that are also names of Object.prototype members. Lookups on plain objects
// (`fieldTypes[name]`, `columns[name] = …`) turned them into "unknown type 'function Object() …'"
// or lost the column; they must behave like any other name through every tool.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow } from '../../electron/engine/testing/index.js';
import type { TestEngine } from '../../electron/engine/testing/index.js';

const NAMES = ['constructor', 'valueOf', 'toString', '__proto__', 'hasOwnProperty'];
const dir = mkdtempSync(path.join(tmpdir(), 'weft-proto-names-'));
let engine: TestEngine;
beforeAll(async () => { engine = await createTestEngine(); });
afterAll(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const errorsOf = (summary: { tools: Record<string, { messages: { level: string; text: string }[] }> }) =>
  Object.entries(summary.tools).flatMap(([id, t]) => t.messages.filter((m) => m.level !== 'info').map((m) => `${id}: ${m.text}`)).join('\n');

describe('field names like constructor, __proto__, toString', () => {
  for (const ext of ['csv', 'ndjson', 'json']) {
    it(`input-data (.${ext}) reads them, with and without a type override`, async () => {
      const rows = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]];
      const text = ext === 'csv'
        ? `${NAMES.join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n`
        : rows.map((r) => `{${NAMES.map((n, i) => `${JSON.stringify(n)}:${r[i]}`).join(',')}}`).join(ext === 'json' ? ',' : '\n');
      writeFileSync(path.join(dir, `in.${ext}`), ext === 'json' ? `[${text}]` : text);
      const plain = await engine.run(testWorkflow({ t1: { plugin: 'weft/input-data', config: { path: `in.${ext}` } } }), { workflowDir: dir });
      expect(plain.summary.status, errorsOf(plain.summary)).toBe('ok');
      expect(plain.summary.tools.t1.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`)).toEqual(NAMES.map((n) => `${n}:int32`));
      const row = plain.previews['t1.Output'][1];
      expect(NAMES.map((n) => Object.getOwnPropertyDescriptor(row, n)?.value)).toEqual([6, 7, 8, 9, 10]);
      const typed = await engine.run(testWorkflow({
        t1: { plugin: 'weft/input-data', config: { path: `in.${ext}`, fieldTypes: JSON.parse('{"__proto__":"double","valueOf":"v_wstring"}') } },
      }), { workflowDir: dir });
      expect(typed.summary.status, errorsOf(typed.summary)).toBe('ok');
      expect(typed.summary.tools.t1.outputs.Output.metadata.fields.map((f) => f.type)).toEqual(['int32', 'v_wstring', 'int32', 'double', 'int32']);
    });
  }

  it('select, formula, summarize and join handle them', async () => {
    writeFileSync(path.join(dir, 'left.csv'), `${NAMES.join(',')}\n1,a,x,10,p\n2,b,x,20,q\n3,c,y,30,r\n`);
    writeFileSync(path.join(dir, 'right.csv'), 'toString,hasOwnProperty\nx,first\ny,second\n');
    const wf = testWorkflow({
      t1: { plugin: 'weft/input-data', config: { path: 'left.csv' } },
      t2: { plugin: 'weft/select', config: { fields: [{ field: 'hasOwnProperty', selected: false }, { field: 'valueOf', rename: 'isPrototypeOf' }] } },
      t3: { plugin: 'weft/formula', config: { formulas: [{ field: 'propertyIsEnumerable', expression: '[constructor] + [__proto__]' }, { field: 'toLocaleString', expression: '[toString] + "!"' }] } },
      t4: { plugin: 'weft/summarize', config: { groupBy: ['toString'], aggregations: [{ action: 'sum', field: '__proto__' }, { action: 'sum', field: 'constructor', outputName: 'valueOf' }] } },
      t5: { plugin: 'weft/input-data', config: { path: 'right.csv' } },
      t6: { plugin: 'weft/join', config: { keys: [{ left: 'toString', right: 'toString' }] } },
    }, [['t1.Output', 't2.Input'], ['t2.Output', 't3.Input'], ['t3.Output', 't4.Input'], ['t4.Output', 't6.Left'], ['t5.Output', 't6.Right']]);
    const { summary, previews } = await engine.run(wf, { workflowDir: dir });
    expect(summary.status, errorsOf(summary)).toBe('ok');
    const own = (row: Record<string, unknown>) => Object.fromEntries(Object.keys(row).map((k) => [k, Object.getOwnPropertyDescriptor(row, k)?.value]));
    expect(summary.tools.t2.outputs.Output.metadata.fields.map((f) => f.name)).toEqual(['isPrototypeOf', 'constructor', 'toString', '__proto__']);
    expect(own(previews['t3.Output'][2])).toEqual({ isPrototypeOf: 'c', constructor: 3, toString: 'y', ['__proto__']: 30, propertyIsEnumerable: '33', toLocaleString: 'y!' });
    expect(previews['t4.Output'].map(own)).toEqual([{ toString: 'x', ['Sum___proto__']: '30', valueOf: '3' }, { toString: 'y', ['Sum___proto__']: '30', valueOf: '3' }]);
    const joined = previews['t6.Join'].map(own);
    expect(joined).toHaveLength(2);
    expect(joined[0]).toMatchObject({ toString: 'x', valueOf: '3', hasOwnProperty: 'first' });
  });
});
