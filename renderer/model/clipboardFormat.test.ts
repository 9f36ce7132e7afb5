import { describe, expect, it } from 'vitest';
import { emptyWorkflow, type Workflow } from '../../shared/workflow.js';
import { copyFragment, parseClipboardText, PASTE_OFFSET, remapFragment, toClipboardText } from './clipboardFormat.js';

const workflow: Workflow = {
  ...emptyWorkflow(),
  tools: [
    { id: 't1', plugin: 'weft/source', config: { rows: 3 }, position: { x: 0, y: 0 } },
    { id: 't2', plugin: 'weft/filter', config: { expression: '[a] > 1' }, position: { x: 200, y: 0 }, annotation: 'big ones' },
    { id: 't7', plugin: 'weft/filter', config: {}, position: { x: 400, y: 0 } },
  ],
  connections: [
    { from: { tool: 't1', anchor: 'Output' }, to: { tool: 't2', anchor: 'Input' } },
    { from: { tool: 't2', anchor: 'True' }, to: { tool: 't7', anchor: 'Input' } },
  ],
};

describe('clipboard format', () => {
  it('copies the selected tools and only the connections among them', () => {
    const fragment = copyFragment(workflow, new Set(['t1', 't2']));
    expect(fragment.tools.map((tool) => tool.id)).toEqual(['t1', 't2']);
    expect(fragment.connections).toHaveLength(1);
  });

  it('round-trips through clipboard text and ignores text that is not a Weft clipboard', () => {
    const fragment = copyFragment(workflow, new Set(['t1', 't2']));
    expect(parseClipboardText(toClipboardText(fragment))).toEqual(fragment);
    expect(parseClipboardText('hello')).toBeNull();
    expect(parseClipboardText('{"tools":[],"connections":[]}')).toBeNull();
    expect(parseClipboardText('{"weft-clipboard":1,"tools":[{"id":"x"}],"connections":[]}')).toBeNull();
  });

  it('pastes with fresh ids, offset positions and remapped connections', () => {
    const fragment = copyFragment(workflow, new Set(['t1', 't2']));
    const pasted = remapFragment(workflow, fragment);
    expect(pasted.tools.map((tool) => tool.id)).toEqual(['t8', 't9']);
    expect(pasted.tools[1]).toMatchObject({ plugin: 'weft/filter', config: { expression: '[a] > 1' }, annotation: 'big ones', position: { x: 200 + PASTE_OFFSET, y: PASTE_OFFSET } });
    expect(pasted.connections).toEqual([{ from: { tool: 't8', anchor: 'Output' }, to: { tool: 't9', anchor: 'Input' } }]);
    pasted.tools[1]!.config.expression = 'changed';
    expect(workflow.tools[1]!.config.expression).toBe('[a] > 1');
  });
});

describe('clipboard notes and containers', () => {
  const note = { id: 'n1', text: '*hi*', position: { x: 10, y: 10 }, size: { width: 200, height: 80 }, color: 'teal', group: 'g1' };
  const grouped: Workflow = {
    ...workflow,
    tools: workflow.tools.map((tool) => (tool.id === 't1' ? { ...tool, group: 'g1' } : tool)),
    notes: [note],
    groups: [{ id: 'g1', name: 'G', position: { x: 0, y: 0 }, size: { width: 300, height: 200 }, color: 'blue', collapsed: false, disabled: false }],
  };

  it('copies selected notes and pastes them with fresh ids, offset, in their container when it exists', () => {
    const text = toClipboardText(copyFragment(grouped, new Set(['t1']), new Set(['n1'])));
    const fragment = parseClipboardText(text)!;
    expect(fragment.notes).toEqual([note]);
    const here = remapFragment(grouped, fragment);
    expect(here.notes).toEqual([{ ...note, id: 'n2', position: { x: 10 + PASTE_OFFSET, y: 10 + PASTE_OFFSET } }]);
    expect(here.tools[0]!.group).toBe('g1');
  });

  it('drops the container of pasted items when the target workflow has no such container', () => {
    const fragment = copyFragment(grouped, new Set(['t1']), new Set(['n1']));
    const elsewhere = remapFragment(workflow, fragment);
    expect('group' in elsewhere.tools[0]!).toBe(false);
    expect('group' in elsewhere.notes![0]!).toBe(false);
    expect(parseClipboardText(JSON.stringify({ 'weft-clipboard': 1, tools: [], connections: [], notes: [{ id: 3 }] }))).toBeNull();
  });

  it('copies a container with everything inside it, nested containers too, and pastes it as a new one', () => {
    const nested: Workflow = {
      ...grouped,
      tools: grouped.tools.map((tool) => (tool.id === 't2' ? { ...tool, group: 'g2' } : tool)),
      groups: [...grouped.groups!, { id: 'g2', name: 'Inner', parent: 'g1', position: { x: 180, y: 20 }, size: { width: 100, height: 90 }, color: 'red', collapsed: false, disabled: true }],
    };
    const fragment = parseClipboardText(toClipboardText(copyFragment(nested, new Set(), new Set(), new Set(['g1']))))!;
    expect(fragment.tools.map((tool) => tool.id)).toEqual(['t1', 't2']);
    expect(fragment.connections).toHaveLength(1);
    expect(fragment.notes!.map((n) => n.id)).toEqual(['n1']);
    expect(fragment.groups!.map((g) => g.id)).toEqual(['g1', 'g2']);
    const pasted = remapFragment(nested, fragment);
    expect(pasted.groups!.map((g) => [g.id, g.parent, g.position])).toEqual([
      ['g3', undefined, { x: PASTE_OFFSET, y: PASTE_OFFSET }], ['g4', 'g3', { x: 180 + PASTE_OFFSET, y: 20 + PASTE_OFFSET }],
    ]);
    expect(pasted.groups![1]!.disabled).toBe(true);
    expect(pasted.tools.map((tool) => tool.group)).toEqual(['g3', 'g4']);
    expect(pasted.notes![0]!.group).toBe('g3');
  });
});
