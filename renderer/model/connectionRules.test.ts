import { describe, expect, it } from 'vitest';
import { emptyWorkflow, type Workflow } from '../../shared/workflow.js';
import { checkConnection, reaches } from './connectionRules.js';
import { describeTestTool } from './testCatalog.js';

function workflowOf(tools: Array<[string, string]>, connections: Array<[string, string, string, string]> = []): Workflow {
  return {
    ...emptyWorkflow(),
    tools: tools.map(([id, plugin], index) => ({ id, plugin: `weft/${plugin}`, config: {}, position: { x: index * 200, y: 0 } })),
    connections: connections.map(([fromTool, fromAnchor, toTool, toAnchor]) => ({ from: { tool: fromTool, anchor: fromAnchor }, to: { tool: toTool, anchor: toAnchor } })),
  };
}

const check = (workflow: Workflow, fromTool: string, fromAnchor: string, toTool: string, toAnchor: string) =>
  checkConnection(workflow, describeTestTool, { fromTool, fromAnchor, toTool, toAnchor });

describe('checkConnection', () => {
  it('accepts an output into a free input', () => {
    expect(check(workflowOf([['t1', 'source'], ['t2', 'filter']]), 't1', 'Output', 't2', 'Input')).toEqual({ ok: true });
  });

  it('refuses input to input and output to output', () => {
    const workflow = workflowOf([['t1', 'filter'], ['t2', 'filter']]);
    expect(check(workflow, 't1', 'Input', 't2', 'Input')).toMatchObject({ ok: false, reason: expect.stringMatching(/no output anchor Input/) });
    expect(check(workflow, 't1', 'True', 't2', 'False')).toMatchObject({ ok: false, reason: expect.stringMatching(/no input anchor False/) });
  });

  it('refuses a second connection into a single-connection input, accepts it with allowMultiple', () => {
    const single = workflowOf([['t1', 'source'], ['t2', 'source'], ['t3', 'filter']], [['t1', 'Output', 't3', 'Input']]);
    expect(check(single, 't2', 'Output', 't3', 'Input')).toMatchObject({ ok: false, reason: 'input Input takes one connection' });
    const multiple = workflowOf([['t1', 'source'], ['t2', 'source'], ['t3', 'union']], [['t1', 'Output', 't3', 'Input']]);
    expect(check(multiple, 't2', 'Output', 't3', 'Input')).toEqual({ ok: true });
    expect(check(multiple, 't1', 'Output', 't3', 'Input')).toMatchObject({ ok: false, reason: 'these anchors are already connected' });
  });

  it('refuses a connection that closes a cycle, and one to the tool itself', () => {
    const chain = workflowOf([['t1', 'filter'], ['t2', 'filter'], ['t3', 'filter']], [['t1', 'True', 't2', 'Input'], ['t2', 'True', 't3', 'Input']]);
    expect(check(chain, 't3', 'True', 't1', 'Input')).toMatchObject({ ok: false, reason: 'this connection would make a cycle' });
    expect(check(chain, 't1', 'False', 't1', 'Input')).toMatchObject({ ok: false, reason: 'a tool cannot connect to itself' });
    expect(reaches(chain, 't1', 't3')).toBe(true);
    expect(reaches(chain, 't3', 't1')).toBe(false);
  });

  it('refuses tools whose plugin is not installed', () => {
    const workflow = workflowOf([['t1', 'source'], ['t2', 'gone']]);
    expect(check(workflow, 't1', 'Output', 't2', 'Input')).toMatchObject({ ok: false, reason: 'plugin not installed' });
  });
});
