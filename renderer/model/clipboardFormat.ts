/**
 * The clipboard carries tools as JSON text with a marker, so that a copy in one window can be
 * pasted in another (and plain text that is not ours is ignored).
 */
import type { Connection, Note, ToolNode, Workflow } from '../../shared/workflow.js';
import { nextLayerId } from './layerEdits.js';
import { nextToolId } from './toolIds.js';

export const CLIPBOARD_MARKER = 'weft-clipboard';
export const PASTE_OFFSET = 40;

export interface ClipboardFragment {
  tools: ToolNode[];
  connections: Connection[];
  notes?: Note[];
}

/** The selected tools and notes, and the connections among the tools. */
export function copyFragment(workflow: Workflow, toolIds: ReadonlySet<string>, noteIds: ReadonlySet<string> = new Set()): ClipboardFragment {
  return {
    tools: workflow.tools.filter((tool) => toolIds.has(tool.id)),
    connections: workflow.connections.filter((c) => toolIds.has(c.from.tool) && toolIds.has(c.to.tool)),
    notes: (workflow.notes ?? []).filter((note) => noteIds.has(note.id)),
  };
}

export function toClipboardText(fragment: ClipboardFragment): string {
  return JSON.stringify({ [CLIPBOARD_MARKER]: 1, tools: fragment.tools, connections: fragment.connections, notes: fragment.notes ?? [] });
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
  if (!Array.isArray(tools) || !tools.every(isToolNode)) return null;
  if (!Array.isArray(connections) || !connections.every(isConnection)) return null;
  if (!Array.isArray(notes) || !notes.every(isNote)) return null;
  return { tools, connections, notes };
}

/** keeps an item's container only when this workflow has it (a paste into another window) */
function inExistingGroup<T extends { group?: string }>(item: T, workflow: Workflow): T {
  if (item.group === undefined || (workflow.groups ?? []).some((group) => group.id === item.group)) return item;
  const copy = { ...item };
  delete copy.group;
  return copy;
}

/** Gives pasted tools and notes fresh ids and offset positions; keeps only connections inside the fragment. */
export function remapFragment(workflow: Workflow, fragment: ClipboardFragment): ClipboardFragment {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const tool of fragment.tools) {
    const id = nextToolId(workflow, taken);
    taken.add(id);
    ids.set(tool.id, id);
  }
  const tools = fragment.tools.map((tool) => ({
    ...inExistingGroup(structuredClone(tool), workflow),
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
  let withNotes = workflow;
  const notes = (fragment.notes ?? []).map((note) => {
    const pasted: Note = {
      ...inExistingGroup(structuredClone(note), workflow),
      id: nextLayerId(withNotes, 'n'),
      position: { x: note.position.x + PASTE_OFFSET, y: note.position.y + PASTE_OFFSET },
    };
    withNotes = { ...withNotes, notes: [...(withNotes.notes ?? []), pasted] };
    return pasted;
  });
  return { tools, connections, notes };
}
