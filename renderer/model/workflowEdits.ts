/**
 * Pure edits of the workflow model (shared/workflow.ts). Each returns a new Workflow and leaves
 * the old one untouched, so that history can keep snapshots by reference.
 */
import type { Connection, Group, Note, Position, ToolNode, Workflow } from '../../shared/workflow.js';
import { connectionKey } from './connectionKey.js';

export function addTool(workflow: Workflow, tool: ToolNode): Workflow {
  return { ...workflow, tools: [...workflow.tools, tool] };
}

export function removeTools(workflow: Workflow, toolIds: ReadonlySet<string>): Workflow {
  if (toolIds.size === 0) return workflow;
  return {
    ...workflow,
    tools: workflow.tools.filter((tool) => !toolIds.has(tool.id)),
    connections: workflow.connections.filter((c) => !toolIds.has(c.from.tool) && !toolIds.has(c.to.tool)),
  };
}

export function removeConnections(workflow: Workflow, keys: ReadonlySet<string>): Workflow {
  if (keys.size === 0) return workflow;
  return { ...workflow, connections: workflow.connections.filter((c) => !keys.has(connectionKey(c))) };
}

export function addConnection(workflow: Workflow, connection: Connection): Workflow {
  return { ...workflow, connections: [...workflow.connections, connection] };
}

function updateTool(workflow: Workflow, toolId: string, update: (tool: ToolNode) => ToolNode): Workflow {
  let changed = false;
  const tools = workflow.tools.map((tool) => {
    if (tool.id !== toolId) return tool;
    changed = true;
    return update(tool);
  });
  return changed ? { ...workflow, tools } : workflow;
}

export function setToolConfig(workflow: Workflow, toolId: string, config: Record<string, unknown>): Workflow {
  return updateTool(workflow, toolId, (tool) => ({ ...tool, config }));
}

export function setToolAnnotation(workflow: Workflow, toolId: string, annotation: string): Workflow {
  return updateTool(workflow, toolId, (tool) => {
    const next: ToolNode = { ...tool, annotation };
    if (annotation === '') delete next.annotation;
    return next;
  });
}

export function moveTools(workflow: Workflow, positions: ReadonlyMap<string, Position>): Workflow {
  if (positions.size === 0) return workflow;
  let changed = false;
  const tools = workflow.tools.map((tool) => {
    const position = positions.get(tool.id);
    if (!position || (position.x === tool.position.x && position.y === tool.position.y)) return tool;
    changed = true;
    return { ...tool, position: { x: position.x, y: position.y } };
  });
  return changed ? { ...workflow, tools } : workflow;
}

/** Adds tools, connections and notes (e.g. a paste); the caller has already given them free ids. */
export function addFragment(workflow: Workflow, tools: ToolNode[], connections: Connection[], notes: Note[] = [], groups: Group[] = []): Workflow {
  return {
    ...workflow, tools: [...workflow.tools, ...tools], connections: [...workflow.connections, ...connections],
    ...(notes.length > 0 && { notes: [...(workflow.notes ?? []), ...notes] }),
    ...(groups.length > 0 && { groups: [...(workflow.groups ?? []), ...groups] }),
  };
}
