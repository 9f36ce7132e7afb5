/**
 * Which tools' run results an edit made stale: the tools the edit touched (config or plugin
 * changed, added, removed, or a different set of incoming connections) and everything downstream
 * of them. Tools upstream of the edit keep their record counts and previews, as in Alteryx.
 */
import type { Connection, ToolNode, Workflow } from '../../shared/workflow.js';
import { connectionKey } from './connectionKey.js';

function sameTool(before: ToolNode, after: ToolNode): boolean {
  if (before === after) return true;
  if (before.plugin !== after.plugin) return false;
  return before.config === after.config || JSON.stringify(before.config) === JSON.stringify(after.config);
}

/** Per receiving tool, its incoming connections (with their names: a tool may read them). */
function incomingByTool(connections: Connection[]): Map<string, string[]> {
  const incoming = new Map<string, string[]>();
  for (const c of connections) {
    const list = incoming.get(c.to.tool) ?? [];
    list.push(`${connectionKey(c)}#${c.name ?? ''}`);
    incoming.set(c.to.tool, list);
  }
  for (const list of incoming.values()) list.sort();
  return incoming;
}

function sameList(a: string[] | undefined, b: string[] | undefined): boolean {
  const left = a ?? [];
  const right = b ?? [];
  return left.length === right.length && left.every((item, index) => item === right[index]);
}

/** Every tool reachable from `starts` along connections of `workflow`, the starts included. */
export function withDownstream(workflow: Workflow, starts: Iterable<string>): Set<string> {
  const next = new Map<string, string[]>();
  for (const c of workflow.connections) {
    const list = next.get(c.from.tool) ?? [];
    list.push(c.to.tool);
    next.set(c.from.tool, list);
  }
  const reached = new Set<string>();
  const stack = [...starts];
  while (stack.length > 0) {
    const tool = stack.pop()!;
    if (reached.has(tool)) continue;
    reached.add(tool);
    stack.push(...(next.get(tool) ?? []));
  }
  return reached;
}

/** The ids of tools whose results no longer describe `after` (removed tools included). */
export function staleToolIds(before: Workflow, after: Workflow): Set<string> {
  if (before === after) return new Set();
  const beforeTools = new Map(before.tools.map((tool) => [tool.id, tool]));
  const afterIds = new Set(after.tools.map((tool) => tool.id));
  const incomingBefore = incomingByTool(before.connections);
  const incomingAfter = incomingByTool(after.connections);
  const touched = new Set<string>();
  for (const tool of after.tools) {
    const old = beforeTools.get(tool.id);
    if (!old || !sameTool(old, tool) || !sameList(incomingBefore.get(tool.id), incomingAfter.get(tool.id))) touched.add(tool.id);
  }
  const stale = withDownstream(after, touched);
  for (const id of beforeTools.keys()) if (!afterIds.has(id)) stale.add(id);
  return stale;
}
