import { describe, expect, it } from 'vitest';
import { formatPlacedError, type PlacedError } from './placedError.js';
import type { Workflow } from './workflow.js';
import { parseWorkflowText, serializeWorkflow } from './workflowFile.js';
import { disabledGroupIds, disabledToolIds, groupChain } from './workflowGroups.js';

const file = 'flow.weft.json';
const tool = (id: string, extra: Record<string, unknown> = {}) => ({ id, plugin: 't/pass', config: {}, position: { x: 0, y: 0 }, ...extra });
const note = (id: string, extra: Record<string, unknown> = {}) =>
  ({ id, text: '# Read me', position: { x: 0, y: 0 }, size: { width: 200, height: 80 }, color: 'yellow', ...extra });
const group = (id: string, extra: Record<string, unknown> = {}) =>
  ({ id, name: id, position: { x: 0, y: 0 }, size: { width: 300, height: 200 }, color: '#3366cc', collapsed: false, disabled: false, ...extra });
const text = (body: Record<string, unknown>) =>
  `${JSON.stringify({ format: 'weft-workflow', version: 2, tools: [], connections: [], ...body }, null, 2)}\n`;

function accepted(body: Record<string, unknown>): Workflow {
  const result = parseWorkflowText(text(body), { file });
  if (!result.ok) throw new Error(result.errors.map(formatPlacedError).join('\n'));
  return result.workflow;
}

function rejected(body: Record<string, unknown>): PlacedError[] {
  const result = parseWorkflowText(text(body), { file });
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors;
}

describe('version 2: notes and groups', () => {
  it('reads notes and nested groups and writes them back unchanged', () => {
    const body = {
      tools: [tool('t1', { group: 'g1' }), tool('t2')],
      notes: [note('n1', { group: 'g1', future: { kept: true } })],
      groups: [group('g0'), group('g1', { parent: 'g0', disabled: true })],
    };
    const workflow = accepted(body);
    expect(workflow.notes).toHaveLength(1);
    expect(workflow.groups!.map((g) => g.id)).toEqual(['g0', 'g1']);
    expect(serializeWorkflow(workflow)).toBe(text(body));
  });

  it('fills in what a note or group leaves out', () => {
    const workflow = accepted({ notes: [{ id: 'n1' }], groups: [{ id: 'g1' }] });
    expect(workflow.notes![0]).toEqual({ id: 'n1', text: '', position: { x: 0, y: 0 }, size: { width: 200, height: 80 }, color: 'yellow' });
    expect(workflow.groups![0]).toMatchObject({ name: '', collapsed: false, disabled: false, size: { width: 320, height: 200 } });
  });

  it('rejects wrong shapes with the path of each', () => {
    const errors = rejected({
      tools: [tool('t1', { group: 7 })],
      notes: [note('n1', { color: 'mauve' }), note('', { size: { width: 0, height: 5 } }), 'text'],
      groups: [group('g1', { disabled: 'yes', position: { x: 'a', y: 0 } })],
    });
    expect(errors.map((e) => e.path)).toEqual([
      'tools[0].group', 'notes[0].color', 'notes[1].id', 'notes[1].size.width', 'notes[2]', 'groups[0].position.x', 'groups[0].disabled',
    ]);
    expect(errors[1]!.message).toMatch(/expected "#rrggbb" or one of yellow, .* found the string "mauve"/);
    expect(rejected({ notes: {} })[0]).toMatchObject({ path: 'notes' });
  });

  it('rejects a missing group, a duplicate id and a group inside itself, naming the place', () => {
    const errors = rejected({
      tools: [tool('t1', { group: 'nowhere' })],
      notes: [note('g1'), note('n2', { group: 'gone' })],
      groups: [group('g1', { parent: 'g2' }), group('g2', { parent: 'g1' }), group('g3', { parent: 'g9' })],
    });
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'notes[0].id: duplicate note or group id "g1" (first used at groups[0])',
      'tools[0].group: there is no group "nowhere"',
      'notes[1].group: there is no group "gone"',
      'groups[0].parent: group "g1" would be inside itself: g1 → g2 → g1',
      'groups[1].parent: group "g2" would be inside itself: g2 → g1 → g2',
      'groups[2].parent: there is no group "g9"',
    ]);
    expect(errors[1]).toMatchObject({ tool: 't1', file });
  });
});

describe('the written version', () => {
  const v1 = { format: 'weft-workflow', version: 1, tools: [tool('t1')], connections: [] };

  it('stays 1 without notes and groups, empty lists left out', () => {
    const result = parseWorkflowText(JSON.stringify(v1));
    if (!result.ok) throw new Error('expected ok');
    expect(JSON.parse(serializeWorkflow({ ...result.workflow, notes: [], groups: [] }))).toEqual(v1);
  });

  it('becomes 2 as soon as the workflow holds a note or a group', () => {
    const result = parseWorkflowText(JSON.stringify(v1));
    if (!result.ok) throw new Error('expected ok');
    const withNote = { ...result.workflow, notes: [note('n1')] };
    expect(JSON.parse(serializeWorkflow(withNote))).toMatchObject({ version: 2, notes: [note('n1')] });
    expect(Object.keys(JSON.parse(serializeWorkflow(withNote)))).toEqual(['format', 'version', 'tools', 'connections', 'notes']);
  });
});

describe('disabled groups', () => {
  const workflow = accepted({
    tools: [tool('a', { group: 'inner' }), tool('b', { group: 'outer' }), tool('c'), tool('d', { group: 'other' })],
    groups: [group('outer', { disabled: true }), group('inner', { parent: 'outer' }), group('other')],
  });

  it('disable the groups inside them and their tools, nothing else', () => {
    expect([...disabledGroupIds(workflow)].sort()).toEqual(['inner', 'outer']);
    expect([...disabledToolIds(workflow)].sort()).toEqual(['a', 'b']);
    expect(groupChain(workflow.groups!, 'inner').map((g) => g.id)).toEqual(['inner', 'outer']);
  });

  it('nothing is disabled without a disabled group', () => {
    expect(disabledToolIds({ ...workflow, groups: workflow.groups!.map((g) => ({ ...g, disabled: false })) }).size).toBe(0);
  });
});
