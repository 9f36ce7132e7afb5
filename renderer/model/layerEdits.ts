/**
 * Pure edits of the notes and groups (tool containers) of a workflow. Positions are absolute, as
 * in the file; a group's members are the tools, notes and groups whose `group`/`parent` chain
 * reaches it.
 */
import {
  DEFAULT_NOTE_SIZE, type Group, type Note, type Position, type Size, type ToolNode, type Workflow,
} from '../../shared/workflow.js';
import { groupChain } from '../../shared/workflowGroups.js';

export const GROUP_PADDING = 24;
export const GROUP_HEADER = 34;
const DEFAULT_TOOL_SIZE: Size = { width: 176, height: 100 };

export const noteNodeId = (id: string) => `note:${id}`;
export const groupNodeId = (id: string) => `group:${id}`;

/** the first free id `n1`, `n2`… (or `g1`…) among notes and groups */
export function nextLayerId(workflow: Workflow, prefix: 'n' | 'g'): string {
  const taken = new Set([...(workflow.notes ?? []), ...(workflow.groups ?? [])].map((item) => item.id));
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function addNote(workflow: Workflow, position: Position, text = ''): Workflow {
  const note: Note = { id: nextLayerId(workflow, 'n'), text, position, size: { ...DEFAULT_NOTE_SIZE }, color: 'yellow' };
  return { ...workflow, notes: [...(workflow.notes ?? []), note] };
}

type Box = { x: number; y: number; width: number; height: number };

function boundsOf(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

const toolBox = (tool: ToolNode, sizes: ReadonlyMap<string, Size>): Box => ({ ...tool.position, ...(sizes.get(tool.id) ?? DEFAULT_TOOL_SIZE) });

/** a new group around the tools; it sits in the group the tools shared, if any */
export function groupTools(workflow: Workflow, toolIds: ReadonlySet<string>, sizes: ReadonlyMap<string, Size>, name = 'Group'): { workflow: Workflow; groupId: string | null } {
  const members = workflow.tools.filter((tool) => toolIds.has(tool.id));
  const box = boundsOf(members.map((tool) => toolBox(tool, sizes)));
  if (!box) return { workflow, groupId: null };
  const id = nextLayerId(workflow, 'g');
  const shared = new Set(members.map((tool) => tool.group));
  const parent = shared.size === 1 ? [...shared][0] : undefined;
  const group: Group = {
    id, name, color: 'blue', collapsed: false, disabled: false,
    position: { x: box.x - GROUP_PADDING, y: box.y - GROUP_PADDING - GROUP_HEADER },
    size: { width: box.width + 2 * GROUP_PADDING, height: box.height + 2 * GROUP_PADDING + GROUP_HEADER },
    ...(parent !== undefined && { parent }),
  };
  return {
    workflow: {
      ...workflow,
      groups: [...(workflow.groups ?? []), group],
      tools: workflow.tools.map((tool) => (toolIds.has(tool.id) ? { ...tool, group: id } : tool)),
    },
    groupId: id,
  };
}

export function updateNote(workflow: Workflow, id: string, patch: Partial<Omit<Note, 'id'>>): Workflow {
  return { ...workflow, notes: (workflow.notes ?? []).map((note) => (note.id === id ? { ...note, ...patch } : note)) };
}

export function updateGroup(workflow: Workflow, id: string, patch: Partial<Omit<Group, 'id'>>): Workflow {
  return { ...workflow, groups: (workflow.groups ?? []).map((group) => (group.id === id ? { ...group, ...patch } : group)) };
}

function withGroup<T extends { group?: string }>(item: T, group: string | undefined): T {
  const next = { ...item };
  if (group === undefined) delete next.group;
  else next.group = group;
  return next;
}

/** removes notes and groups; a removed group's tools, notes and groups move to the group around it */
export function removeLayers(workflow: Workflow, noteIds: ReadonlySet<string>, groupIds: ReadonlySet<string>): Workflow {
  if (noteIds.size === 0 && groupIds.size === 0) return workflow;
  const groups = workflow.groups ?? [];
  const survivor = (id: string | undefined): string | undefined => {
    const chain = groupChain(groups, id);
    return chain.find((group) => !groupIds.has(group.id))?.id;
  };
  return {
    ...workflow,
    tools: workflow.tools.map((tool) => (tool.group !== undefined && groupIds.has(tool.group) ? withGroup(tool, survivor(tool.group)) : tool)),
    notes: (workflow.notes ?? []).filter((note) => !noteIds.has(note.id))
      .map((note) => (note.group !== undefined && groupIds.has(note.group) ? withGroup(note, survivor(note.group)) : note)),
    groups: groups.filter((group) => !groupIds.has(group.id)).map((group) => {
      if (group.parent === undefined || !groupIds.has(group.parent)) return group;
      const next = { ...group };
      const parent = survivor(group.parent);
      if (parent === undefined) delete next.parent;
      else next.parent = parent;
      return next;
    }),
  };
}

/** the ids of the tools, notes and groups inside a group, at any depth */
export function membersOf(workflow: Workflow, groupId: string): { tools: string[]; notes: string[]; groups: string[] } {
  const groups = workflow.groups ?? [];
  const inside = (id: string | undefined) => groupChain(groups, id).some((group) => group.id === groupId);
  return {
    tools: workflow.tools.filter((tool) => inside(tool.group)).map((tool) => tool.id),
    notes: (workflow.notes ?? []).filter((note) => inside(note.group)).map((note) => note.id),
    groups: groups.filter((group) => group.id !== groupId && inside(group.id)).map((group) => group.id),
  };
}

/** ids of the tools hidden because a group around them is collapsed */
export function hiddenToolIds(workflow: Workflow): Set<string> {
  const groups = workflow.groups ?? [];
  if (!groups.some((group) => group.collapsed)) return new Set();
  return new Set(workflow.tools.filter((tool) => groupChain(groups, tool.group).some((group) => group.collapsed)).map((tool) => tool.id));
}

export interface LayerMoves {
  tools: ReadonlyMap<string, Position>;
  notes: ReadonlyMap<string, Position>;
  groups: ReadonlyMap<string, Position>;
}

const moved = <T extends { id: string; position: Position }>(items: T[], moves: ReadonlyMap<string, Position>): T[] =>
  items.map((item) => {
    const position = moves.get(item.id);
    if (!position || (position.x === item.position.x && position.y === item.position.y)) return item;
    return { ...item, position: { x: position.x, y: position.y } };
  });

/**
 * Moves tools, notes and groups; each moved tool or note then belongs to the innermost expanded
 * group whose box holds its centre (dragging a tool into or out of a container).
 */
export function moveItems(workflow: Workflow, moves: LayerMoves, sizes: ReadonlyMap<string, Size>): Workflow {
  const groups = moved(workflow.groups ?? [], moves.groups);
  const expanded = groups.filter((group) => !group.collapsed);
  const area = (group: Group) => group.size.width * group.size.height;
  const containerAt = (center: Position, exclude?: string) => expanded
    .filter((group) => group.id !== exclude && center.x >= group.position.x && center.x <= group.position.x + group.size.width
      && center.y >= group.position.y && center.y <= group.position.y + group.size.height)
    .sort((a, b) => area(a) - area(b))[0]?.id;
  const tools = moved(workflow.tools, moves.tools).map((tool) => {
    if (!moves.tools.has(tool.id)) return tool;
    const size = sizes.get(tool.id) ?? DEFAULT_TOOL_SIZE;
    const group = containerAt({ x: tool.position.x + size.width / 2, y: tool.position.y + size.height / 2 });
    return group === tool.group ? tool : withGroup(tool, group);
  });
  const notes = moved(workflow.notes ?? [], moves.notes).map((note) => {
    if (!moves.notes.has(note.id)) return note;
    const group = containerAt({ x: note.position.x + note.size.width / 2, y: note.position.y + note.size.height / 2 });
    return group === note.group ? note : withGroup(note, group);
  });
  const changed = tools.some((tool, i) => tool !== workflow.tools[i]) || notes.some((note, i) => note !== (workflow.notes ?? [])[i])
    || groups.some((group, i) => group !== (workflow.groups ?? [])[i]);
  if (!changed) return workflow;
  return { ...workflow, tools, ...(workflow.notes && { notes }), ...(workflow.groups && { groups }) };
}

/** after an auto-layout: each group fits its tools again, innermost first; its own notes move with it */
export function fitGroupsToMembers(workflow: Workflow, sizes: ReadonlyMap<string, Size>): Workflow {
  let next = workflow;
  const depth = (group: Group) => groupChain(next.groups ?? [], group.id).length;
  const ordered = [...(workflow.groups ?? [])].sort((a, b) => depth(b) - depth(a));
  for (const { id } of ordered) {
    const group = next.groups!.find((g) => g.id === id)!;
    const members = membersOf(next, id);
    const boxes: Box[] = [
      ...next.tools.filter((tool) => members.tools.includes(tool.id)).map((tool) => toolBox(tool, sizes)),
      ...(next.groups ?? []).filter((g) => members.groups.includes(g.id)).map((g) => ({ ...g.position, ...g.size })),
    ];
    const box = boundsOf(boxes);
    if (!box) continue;
    const position = { x: box.x - GROUP_PADDING, y: box.y - GROUP_PADDING - GROUP_HEADER };
    const dx = position.x - group.position.x;
    const dy = position.y - group.position.y;
    next = updateGroup(next, id, { position, size: { width: box.width + 2 * GROUP_PADDING, height: box.height + 2 * GROUP_PADDING + GROUP_HEADER } });
    next = { ...next, notes: (next.notes ?? []).map((note) => (note.group === id
      ? { ...note, position: { x: note.position.x + dx, y: note.position.y + dy } } : note)) };
  }
  return next;
}
