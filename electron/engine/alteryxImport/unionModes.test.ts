// Union's modes from Designer 2022.1 XML: common subset by name and by position, manual mapping with a set output order.
import { describe, expect, it } from 'vitest';
import { importAndRun } from './importTestkit.js';

describe('Union modes (2022.1 XML)', () => {
  it('give the rows the Alteryx Union gives', async () => {
    const run = await importAndRun('union-modes-2022.yxmd');
    expect(run.report.status).toBe('ok');
    expect(run.summary.status).toBe('ok');
    // by name, common subset: "id" and "ID" are one field (names ignore case), named as in #1
    expect(run.rows['3.Output']).toEqual([{ id: 1, city: 'Oslo' }, { id: 2, city: 'Rome' }, { id: 3, city: 'Lima' }, { id: 4, city: 'Kyiv' }]);
    // manual: output field i from field i of each input, named as in #1; #2 stacks first
    expect(run.workflow.tools.find((t) => t.id === '4')!.config).toEqual({
      mode: 'manual', inputOrder: ['#2', '#1'],
      manualFields: [{ name: 'id', sources: { '#1': 'id', '#2': 'ID' } }, { name: 'name', sources: { '#1': 'name', '#2': 'city' } }],
    });
    expect(run.rows['4.Output']).toEqual([{ id: 3, name: 'Lima' }, { id: 4, name: 'Kyiv' }, { id: 1, name: 'Anna' }, { id: 2, name: 'Bob' }]);
    // by position: the i-th fields stack, named as in #1 (score's numbers become text under city)
    expect(run.rows['5.Output']!.map((r) => Object.values(r).join(' '))).toEqual(['1 Anna Oslo', '2 Bob Rome', '3 Lima 7', '4 Kyiv 9']);
  });
});
