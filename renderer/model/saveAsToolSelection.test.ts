import { describe, expect, it } from 'vitest';
import { emptyWorkflow, type Workflow } from '../../shared/workflow.js';
import { selectionForSaveAsTool } from './saveAsToolSelection.js';
import { describeTestTool } from './testCatalog.js';

const workflow: Workflow = {
  ...emptyWorkflow(),
  tools: [
    { id: 't1', plugin: 'weft/source', config: {}, position: { x: 0, y: 0 } },
    { id: 't2', plugin: 'weft/filter', config: {}, position: { x: 0, y: 0 } },
    { id: 't3', plugin: 'weft/union', config: {}, position: { x: 0, y: 0 } },
    { id: 't4', plugin: 'weft/filter', config: {}, position: { x: 0, y: 0 } },
  ],
  connections: [
    { from: { tool: 't1', anchor: 'Output' }, to: { tool: 't2', anchor: 'Input' } },
    { from: { tool: 't2', anchor: 'True' }, to: { tool: 't3', anchor: 'Input' } },
    { from: { tool: 't2', anchor: 'False' }, to: { tool: 't3', anchor: 'Input' } },
  ],
};

const select = (...ids: string[]) => selectionForSaveAsTool(workflow, ids, describeTestTool);

describe('selectionForSaveAsTool', () => {
  it('takes a single tool as it is', () => {
    expect(select('t4')).toMatchObject({ ok: true, tools: [{ id: 't4' }], connections: [] });
  });

  it('takes a connected group with one way in and one way out, with its inner connections', () => {
    const result = select('t2', 't3');
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.connections).toHaveLength(2);
  });

  it('refuses nothing selected, unconnected tools, and groups with two ways out', () => {
    expect(select()).toMatchObject({ ok: false });
    expect(select('t3', 't4')).toMatchObject({ ok: false, reason: expect.stringMatching(/not connected/) });
    expect(select('t1', 't2')).toMatchObject({ ok: false, reason: expect.stringMatching(/one input and one output; this one has 0 and 2/) });
  });
});
