import { describe, expect, it } from 'vitest';
import { emptyWorkflow, type Connection, type Workflow } from '../../shared/workflow.js';
import { connectionKey } from './connectionKey.js';
import { staleToolIds } from './staleTools.js';
import * as edits from './workflowEdits.js';

const link = (from: string, fromAnchor: string, to: string): Connection => ({ from: { tool: from, anchor: fromAnchor }, to: { tool: to, anchor: 'Input' } });

/** input → filter (True → formula → sort, False → browse); a separate text → select branch */
function sales(): Workflow {
  const tool = (id: string, plugin: string, config: Record<string, unknown> = {}) => ({ id, plugin: `weft/${plugin}`, config, position: { x: 0, y: 0 } });
  return {
    ...emptyWorkflow(),
    tools: [
      tool('input', 'input-data', { path: 'a.csv' }), tool('filter', 'filter', { expression: '[a] > 1' }), tool('formula', 'formula'),
      tool('sort', 'sort'), tool('browse', 'browse'), tool('text', 'text-input'), tool('select', 'select'),
    ],
    connections: [
      link('input', 'Output', 'filter'), link('filter', 'True', 'formula'), link('formula', 'Output', 'sort'),
      link('filter', 'False', 'browse'), link('text', 'Output', 'select'),
    ],
  };
}

const sorted = (ids: Set<string>) => [...ids].sort();

describe('staleToolIds', () => {
  it('a config change makes the tool and everything downstream stale, not its upstream or other branches', () => {
    const before = sales();
    const after = edits.setToolConfig(before, 'filter', { expression: '[a] > 2' });
    expect(sorted(staleToolIds(before, after))).toEqual(['browse', 'filter', 'formula', 'sort']);
  });

  it('the same config written again (equal value, new object) changes nothing', () => {
    const before = sales();
    const after = edits.setToolConfig(before, 'filter', { expression: '[a] > 1' });
    expect(sorted(staleToolIds(before, after))).toEqual([]);
  });

  it('a moved tool or a new annotation changes nothing', () => {
    const before = sales();
    const moved = edits.moveTools(before, new Map([['filter', { x: 50, y: 60 }]]));
    expect(sorted(staleToolIds(before, edits.setToolAnnotation(moved, 'sort', 'Sorted')))).toEqual([]);
  });

  it('a removed connection makes its receiving tool and its downstream stale; the sending tool keeps its results', () => {
    const before = sales();
    const after = edits.removeConnections(before, new Set([connectionKey(link('filter', 'True', 'formula'))]));
    expect(sorted(staleToolIds(before, after))).toEqual(['formula', 'sort']);
  });

  it('a new connection makes its receiving tool stale', () => {
    const before = sales();
    const after = edits.addConnection(before, link('select', 'Output', 'browse'));
    expect(sorted(staleToolIds(before, after))).toEqual(['browse']);
  });

  it('a deleted tool is stale itself, and so is what it fed', () => {
    const before = sales();
    const after = edits.removeTools(before, new Set(['formula']));
    expect(sorted(staleToolIds(before, after))).toEqual(['formula', 'sort']);
  });

  it('an added tool is stale (it has no results yet), nothing else', () => {
    const before = sales();
    const after = edits.addTool(before, { id: 'new', plugin: 'weft/browse', config: {}, position: { x: 0, y: 0 } });
    expect(sorted(staleToolIds(before, after))).toEqual(['new']);
  });

  it('undo back to the snapshot before an edit finds the same tools stale', () => {
    const before = sales();
    const after = edits.setToolConfig(before, 'formula', { formulas: [] });
    expect(sorted(staleToolIds(after, before))).toEqual(['formula', 'sort']);
  });
});
