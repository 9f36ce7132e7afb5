/**
 * The clipboard carries tools, notes and containers as JSON text with a marker, so that a copy in
 * one window can be pasted in another (and plain text that is not ours is ignored). A copied
 * container takes along everything inside it, nested containers included.
 */
import type { Connection, Group, Note, ToolNode, Workflow } from '../../shared/workflow.js';
import { nextLayerId } from './layerEdits.js';
import { nextToolId } from './toolIds.js';

export const CLIPBOARD_MARKER = 'weft-clipboard';
export const PASTE_OFFSET = 40;

export interface ClipboardFragment {
  tools: ToolNode[];
  connections: Connection[];
  notes?: Note[];
  groups?: Group[];
}

/** the groups and every group nested in them */
function withNestedGroups(groups: readonly Group[], groupIds: ReadonlySet<string>): Set<string> {
  const all = new Set([...groupIds].filter((id) => groups.some((group) => group.id === id)));
  let grew = true;
  while (grew) {
    grew = false;
    for (const group of groups) {
      if (group.parent !== undefined && all.has(group.parent) && !all.has(group.id)) {
        all.add(group.id);
        grew = true;
      }
    }
  }
  return all;
}

/** The selected tools, notes and containers (with what is inside them), and the connections among the tools. */
export function copyFragment(workflow: Workflow, toolIds: ReadonlySet<string>, noteIds: ReadonlySet<string> = new Set(), groupIds: ReadonlySet<string> = new Set()): ClipboardFragment {
  const groups = withNestedGroups(workflow.groups ?? [], groupIds);
  const inCopiedGroup = (item: { group?: string }) => item.group !== undefined && groups.has(item.group);
  const tools = new Set(workflow.tools.filter((tool) => toolIds.has(tool.id) || inCopiedGroup(tool)).map((tool) => tool.id));
  return {
    tools: workflow.tools.filter((tool) => tools.has(tool.id)),
    connections: workflow.connections.filter((c) => tools.has(c.from.tool) && tools.has(c.to.tool)),
    notes: (workflow.notes ?? []).filter((note) => noteIds.has(note.id) || inCopiedGroup(note)),
    groups: (workflow.groups ?? []).filter((group) => groups.has(group.id)),
  };
}

export function toClipboardText(fragment: ClipboardFragment): string {
  return JSON.stringify({
    [CLIPBOARD_MARKER]: 1, tools: fragment.tools, connections: fragment.connections, notes: fragment.notes ?? [], groups: fragment.groups ?? [],
  });
}

function isGroup(value: unknown): value is Group {
  return isObject(value) && typeof value.id === 'string' && typeof value.name === 'string' && typeof value.color === 'string'
    && typeof value.collapsed === 'boolean' && typeof value.disabled === 'boolean'
    && (value.parent === undefined || typeof value.parent === 'string')
    && isObject(value.position) && typeof value.position.x === 'number' && typeof value.position.y === 'number'
    && isObject(value.size) && typeof value.size.width === 'number' && typeof value.size.height === 'number';
}

function isNote(value: unknown): value is Note {
  return isObject(value) && typeof value.id === 'string' && typeof value.text === 'string' && typeof value.color === 'string'
    && isObject(value.position) && typeof value.position.x === 'number' && typeof value.position.y === 'number'
    && isObject(value.size) && typeof value.size.width === 'number' && typeof value.size.height === 'number';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isToolNode(value: unknown): value is ToolNode {
  return isObject(value) && typeof value.id === 'string' && typeof value.plugin === 'string'
    && isObject(value.config) && isObject(value.position)
    && typeof value.position.x === 'number' && typeof value.position.y === 'number';
}

function isConnection(value: unknown): value is Connection {
  const isRef = (ref: unknown) => isObject(ref) && typeof ref.tool === 'string' && typeof ref.anchor === 'string';
  return isObject(value) && isRef(value.from) && isRef(value.to);
}

/** The fragment in clipboard text, or null when the text is not a Weft clipboard. */
export function parseClipboardText(text: string): ClipboardFragment | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(parsed) || parsed[CLIPBOARD_MARKER] !== 1) return null;
  const { tools, connections } = parsed;
  const notes = parsed.notes ?? [];
  const groups = parsed.groups ?? [];
  if (!Array.isArray(tools) || !tools.every(isToolNode)) return null;
  if (!Array.isArray(connections) || !connections.every(isConnection)) return null;
  if (!Array.isArray(notes) || !notes.every(isNote)) return null;
  if (!Array.isArray(groups) || !groups.every(isGroup)) return null;
  return { tools, connections, notes, groups };
}

/** an item's container: the pasted copy of it, else the same one when this workflow has it (else none) */
function regrouped<T extends { group?: string }>(item: T, workflow: Workflow, groupIds: ReadonlyMap<string, string>): T {
  if (item.group === undefined) return item;
  const pasted = groupIds.get(item.group);
  if (pasted !== undefined) return { ...item, group: pasted };
  if ((workflow.groups ?? []).some((group) => group.id === item.group)) return item;
  const copy = { ...item };
  delete copy.group;
  return copy;
}

/** Gives pasted tools, notes and containers fresh ids and offset positions; keeps only connections inside the fragment. */
export function remapFragment(workflow: Workflow, fragment: ClipboardFragment): ClipboardFragment {
  const groupIds = new Map<string, string>();
  let withLayers = workflow;
  for (const group of fragment.groups ?? []) {
    const id = nextLayerId(withLayers, 'g');
    groupIds.set(group.id, id);
    withLayers = { ...withLayers, groups: [...(withLayers.groups ?? []), { ...group, id }] };
  }
  const groups = (fragment.groups ?? []).map((group) => {
    const pasted: Group = {
      ...structuredClone(group), id: groupIds.get(group.id)!,
      position: { x: group.position.x + PASTE_OFFSET, y: group.position.y + PASTE_OFFSET },
    };
    const parent = group.parent === undefined ? undefined : groupIds.get(group.parent) ?? ((workflow.groups ?? []).some((g) => g.id === group.parent) ? group.parent : undefined);
    if (parent === undefined) delete pasted.parent;
    else pasted.parent = parent;
    return pasted;
  });
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const tool of fragment.tools) {
    const id = nextToolId(workflow, taken);
    taken.add(id);
    ids.set(tool.id, id);
  }
  const tools = fragment.tools.map((tool) => ({
    ...regrouped(structuredClone(tool), workflow, groupIds),
    id: ids.get(tool.id)!,
    position: { x: tool.position.x + PASTE_OFFSET, y: tool.position.y + PASTE_OFFSET },
  }));
  const connections = fragment.connections
    .filter((c) => ids.has(c.from.tool) && ids.has(c.to.tool))
    .map((c) => ({
      ...structuredClone(c),
      from: { tool: ids.get(c.from.tool)!, anchor: c.from.anchor },
      to: { tool: ids.get(c.to.tool)!, anchor: c.to.anchor },
    }));
  const notes = (fragment.notes ?? []).map((note) => {
    const pasted: Note = {
      ...regrouped(structuredClone(note), workflow, groupIds),
      id: nextLayerId(withLayers, 'n'),
      position: { x: note.position.x + PASTE_OFFSET, y: note.position.y + PASTE_OFFSET },
    };
    withLayers = { ...withLayers, notes: [...(withLayers.notes ?? []), pasted] };
    return pasted;
  });
  return { tools, connections, notes, groups };
}
