/**
 * The graph rules of a workflow file (docs/workflow-format.md): unique tool ids, connections between
 * existing tools and anchors, one connection per input anchor unless it allows multiple, no cycle.
 * Anchors are known only for tools whose plugin is known; a missing-plugin tool keeps its
 * connections as they are.
 */
import type { AnchorSpec, ToolDescriptor } from './manifest.js';
import type { PlacedError } from './placedError.js';
import type { Workflow } from './workflow.js';

export type ToolLookup = (fullId: string) => ToolDescriptor | undefined;

export interface GraphResult {
  errors: PlacedError[];
  /** full ids of the plugins that the lookup does not know, sorted, each once */
  missingPlugins: string[];
}

export function checkWorkflowGraph(workflow: Workflow, file: string | undefined, lookup: ToolLookup | undefined): GraphResult {
  const errors: PlacedError[] = [];
  const error = (path: string, message: string, tool?: string, anchor?: string) =>
    errors.push({
      message,
      ...(file !== undefined && { file }),
      path,
      ...(tool !== undefined && { tool }),
      ...(anchor !== undefined && { anchor }),
    });

  const toolIndex = new Map<string, number>();
  const missing = new Set<string>();
  const descriptors = new Map<string, ToolDescriptor | undefined>();
  workflow.tools.forEach((tool, index) => {
    const first = toolIndex.get(tool.id);
    if (first !== undefined) error(`tools[${index}].id`, `duplicate tool id "${tool.id}" (first used at tools[${first}])`, tool.id);
    else toolIndex.set(tool.id, index);
    if (lookup) {
      const descriptor = lookup(tool.plugin);
      if (!descriptor) missing.add(tool.plugin);
      if (!descriptors.has(tool.id)) descriptors.set(tool.id, descriptor);
    }
  });

  const anchorNames = (anchors: AnchorSpec[]) => anchors.map((a) => a.name).join(', ') || 'none';
  const intoAnchor = new Map<string, number>();
  const namesOnAnchor = new Map<string, Map<string, number>>();
  workflow.connections.forEach((connection, index) => {
    const at = `connections[${index}]`;
    let endsOk = true;
    for (const side of ['from', 'to'] as const) {
      const ref = connection[side];
      if (!toolIndex.has(ref.tool)) {
        error(`${at}.${side}.tool`, `there is no tool "${ref.tool}"`, ref.tool);
        endsOk = false;
        continue;
      }
      const descriptor = descriptors.get(ref.tool);
      if (!descriptor) continue;
      const anchors = side === 'from' ? descriptor.outputs : descriptor.inputs;
      if (!anchors.some((a) => a.name === ref.anchor)) {
        const kind = side === 'from' ? 'output' : 'input';
        error(`${at}.${side}.anchor`,
          `tool "${ref.tool}" (${descriptor.id}) has no ${kind} anchor "${ref.anchor}" (its ${kind} anchors: ${anchorNames(anchors)})`,
          ref.tool, ref.anchor);
        endsOk = false;
      }
    }
    if (!endsOk) return;
    const key = `${connection.to.tool}\u0000${connection.to.anchor}`;
    const spec = descriptors.get(connection.to.tool)?.inputs.find((a) => a.name === connection.to.anchor);
    const earlier = intoAnchor.get(key);
    if (earlier !== undefined && spec && !spec.allowMultiple) {
      error(`${at}.to`,
        `input anchor "${connection.to.anchor}" of tool "${connection.to.tool}" takes one connection and already has ${`connections[${earlier}]`}`,
        connection.to.tool, connection.to.anchor);
    } else if (earlier === undefined) intoAnchor.set(key, index);
    if (typeof connection.name === 'string') {
      const names = namesOnAnchor.get(key) ?? new Map<string, number>();
      namesOnAnchor.set(key, names);
      const clash = names.get(connection.name);
      if (clash !== undefined) {
        error(`${at}.name`,
          `connection name "${connection.name}" is already used on input anchor "${connection.to.anchor}" of tool "${connection.to.tool}" (connections[${clash}])`,
          connection.to.tool, connection.to.anchor);
      } else names.set(connection.name, index);
    }
  });

  if (errors.length === 0) {
    const cycle = findCycle(workflow);
    if (cycle) {
      error(`connections[${cycle.connectionIndex}]`, `the connections form a cycle: ${cycle.tools.join(' → ')}`, cycle.tools[0]);
    }
  }
  return { errors, missingPlugins: [...missing].sort() };
}

/** a cycle as the tools along it (first repeated at the end) and a connection on it */
export function findCycle(workflow: Workflow): { tools: string[]; connectionIndex: number } | null {
  const outgoing = new Map<string, Array<{ to: string; index: number }>>();
  workflow.connections.forEach((c, index) => {
    const list = outgoing.get(c.from.tool) ?? [];
    list.push({ to: c.to.tool, index });
    outgoing.set(c.from.tool, list);
  });
  const state = new Map<string, 'open' | 'done'>();
  const stack: Array<{ tool: string; via: number }> = [];
  // iterative depth-first search, so a long chain of tools cannot overflow the call stack
  for (const start of workflow.tools.map((t) => t.id)) {
    if (state.has(start)) continue;
    const frames: Array<{ tool: string; next: number }> = [{ tool: start, next: 0 }];
    state.set(start, 'open');
    stack.push({ tool: start, via: -1 });
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const edges = outgoing.get(frame.tool) ?? [];
      if (frame.next >= edges.length) {
        state.set(frame.tool, 'done');
        frames.pop();
        stack.pop();
        continue;
      }
      const edge = edges[frame.next]!;
      frame.next += 1;
      const seen = state.get(edge.to);
      if (seen === 'open') {
        const from = stack.findIndex((s) => s.tool === edge.to);
        const tools = [...stack.slice(from).map((s) => s.tool), edge.to];
        return { tools, connectionIndex: edge.index };
      }
      if (seen === undefined) {
        state.set(edge.to, 'open');
        frames.push({ tool: edge.to, next: 0 });
        stack.push({ tool: edge.to, via: edge.index });
      }
    }
  }
  return null;
}
