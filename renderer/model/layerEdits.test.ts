import { describe, expect, it } from 'vitest';
import type { Group, Workflow } from '../../shared/workflow.js';
import {
  addNote, fitGroupsToMembers, GROUP_HEADER, GROUP_PADDING, groupTools, hiddenToolIds, membersOf, moveItems, removeLayers,
} from './layerEdits.js';

const tool = (id: string, x: number, y: number, group?: string) =>
  ({ id, plugin: 't/pass', config: {}, position: { x, y }, ...(group !== undefined && { group }) });
const group = (id: string, extra: Partial<Group> = {}): Group => ({
  id, name: id, position: { x: 0, y: 0 }, size: { width: 400, height: 300 }, color: 'blue', collapsed: false, disabled: false, ...extra,
});
const base = (): Workflow => ({ format: 'weft-workflow', version: 1, tools: [tool('a', 0, 0), tool('b', 300, 100), tool('c', 900, 0)], connections: [] });
const sizes = new Map([['a', { width: 100, height: 50 }], ['b', { width: 100, height: 50 }], ['c', { width: 100, height: 50 }]]);
const none = new Map();

describe('layer edits', () => {
  it('groups tools in a box around them and gives them the group', () => {
    const { workflow, groupId } = groupTools(base(), new Set(['a', 'b']), sizes, 'Clean');
    expect(groupId).toBe('g1');
    expect(workflow.groups![0]).toMatchObject({
      name: 'Clean', position: { x: -GROUP_PADDING, y: -GROUP_PADDING - GROUP_HEADER },
      size: { width: 400 + 2 * GROUP_PADDING, height: 150 + 2 * GROUP_PADDING + GROUP_HEADER },
    });
    expect(workflow.tools.map((t) => t.group)).toEqual(['g1', 'g1', undefined]);
  });

  it('a group made inside another sits in it; notes get the next free id', () => {
    const first = groupTools(base(), new Set(['a', 'b']), sizes).workflow;
    const inner = groupTools(first, new Set(['a']), sizes).workflow;
    expect(inner.groups![1]).toMatchObject({ id: 'g2', parent: 'g1' });
    expect(addNote(inner, { x: 5, y: 5 }, 'hi').notes![0]).toMatchObject({ id: 'n1', text: 'hi', color: 'yellow' });
    expect(membersOf(inner, 'g1')).toEqual({ tools: ['a', 'b'], notes: [], groups: ['g2'] });
  });

  it('removing a group hands its members to the group around it', () => {
    const nested: Workflow = { ...base(), tools: [tool('a', 0, 0, 'g2'), tool('b', 0, 0, 'g1')], groups: [group('g1'), group('g2', { parent: 'g1' }), group('g3', { parent: 'g2' })],
      notes: [{ id: 'n1', text: '', position: { x: 0, y: 0 }, size: { width: 10, height: 10 }, color: 'yellow', group: 'g2' }] };
    const result = removeLayers(nested, new Set(), new Set(['g2']));
    expect(result.tools.map((t) => t.group)).toEqual(['g1', 'g1']);
    expect(result.notes![0]!.group).toBe('g1');
    expect(result.groups!.map((g) => [g.id, g.parent])).toEqual([['g1', undefined], ['g3', 'g1']]);
    expect(removeLayers(nested, new Set(['n1']), new Set()).notes).toEqual([]);
    const top = removeLayers(nested, new Set(), new Set(['g1', 'g2']));
    expect('group' in top.tools[0]!).toBe(false);
  });

  it('a moved tool joins the innermost expanded group under its centre, and leaves it when dragged out', () => {
    const workflow: Workflow = { ...base(), groups: [group('big', { size: { width: 1000, height: 500 } }), group('small', { size: { width: 200, height: 200 }, parent: 'big' }), group('shut', { collapsed: true })] };
    const into = moveItems(workflow, { tools: new Map([['c', { x: 20, y: 20 }]]), notes: none, groups: none }, sizes);
    expect(into.tools[2]!.group).toBe('small');
    const out = moveItems(into, { tools: new Map([['c', { x: 2000, y: 0 }]]), notes: none, groups: none }, sizes);
    expect('group' in out.tools[2]!).toBe(false);
    const plain = base();
    expect(moveItems(plain, { tools: new Map([['a', { x: 0, y: 0 }]]), notes: none, groups: none }, sizes)).toBe(plain);
  });

  it('collapsed groups hide their tools; auto-layout fits groups to their tools', () => {
    const workflow: Workflow = { ...base(), tools: [tool('a', 500, 500, 'g1'), tool('b', 700, 500, 'g1'), tool('c', 0, 0)], groups: [group('g1', { collapsed: true })] };
    expect([...hiddenToolIds(workflow)]).toEqual(['a', 'b']);
    const fitted = fitGroupsToMembers(workflow, sizes);
    expect(fitted.groups![0]).toMatchObject({ position: { x: 500 - GROUP_PADDING, y: 500 - GROUP_PADDING - GROUP_HEADER }, size: { width: 300 + 2 * GROUP_PADDING } });
  });
});
