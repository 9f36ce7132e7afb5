/**
 * Turns a workflow into what a run needs: each tool resolved, its config merged and validated,
 * its connections named and grouped by anchor, the tools in topological order, and the errors
 * known before anything runs (missing plugin, invalid config, unconnected required input, …).
 */
import { mergeDefaultConfig } from '../../../shared/configDefaults.js';
import { assignConnectionNames } from '../../../shared/connectionNames.js';
import type { Connection, ToolNode, Workflow } from '../../../shared/workflow.js';
import { disabledToolIds } from '../../../shared/workflowGroups.js';
import type { ResolvedTool, ToolResolver } from '../hostContracts.js';

export type NamedConnection = Connection & { name: string; id: string };

export interface PlannedTool {
  node: ToolNode;
  resolved: ResolvedTool | undefined;
  config: Record<string, unknown>;
  /** an error known before the run starts; the tool then fails without being constructed */
  error: string | null;
  /** by anchor, in manifest order; connections in file order */
  inputs: Array<{ anchor: string; connections: NamedConnection[] }>;
  outputs: Array<{ anchor: string; connections: NamedConnection[] }>;
  upstream: Set<string>;
  downstream: Set<string>;
}

export interface RunPlan {
  /** topological order (tools in a cycle come last, with an error) */
  tools: PlannedTool[];
  byId: Map<string, PlannedTool>;
  connections: NamedConnection[];
  /** tools left out because their group (or one around it) is disabled; they do not run */
  disabled: string[];
}

export function buildRunPlan(workflow: Workflow, resolver: ToolResolver): RunPlan {
  // names and ids come from the whole file, so disabling a group does not rename the other connections
  const disabled = disabledToolIds(workflow);
  const connections = assignConnectionNames(workflow.connections).map((c, i) => ({ ...c, id: `c${i}` }))
    .filter((c) => !disabled.has(c.from.tool) && !disabled.has(c.to.tool));
  const nodes = workflow.tools.filter((node) => !disabled.has(node.id));
  const byId = new Map<string, PlannedTool>();
  const incoming = groupBy(connections, (c) => c.to.tool);
  const outgoing = groupBy(connections, (c) => c.from.tool);
  for (const node of nodes) {
    byId.set(node.id, planTool(node, resolver.resolve(node.plugin), incoming.get(node.id) ?? [], outgoing.get(node.id) ?? []));
  }
  for (const c of connections) {
    const from = byId.get(c.from.tool);
    const to = byId.get(c.to.tool);
    if (!from || !to) continue;
    from.downstream.add(to.node.id);
    to.upstream.add(from.node.id);
  }
  return { tools: topologicalOrder(nodes.map((t) => byId.get(t.id)!), byId), byId, connections, disabled: [...disabled] };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function planTool(node: ToolNode, resolved: ResolvedTool | undefined, incoming: NamedConnection[], outgoing: NamedConnection[]): PlannedTool {
  const tool: PlannedTool = {
    node, resolved, config: node.config ?? {}, error: null, inputs: [], outputs: [], upstream: new Set(), downstream: new Set(),
  };
  if (!resolved) {
    tool.error = `plugin '${node.plugin}' is not installed (missing plugin)`;
    return tool;
  }
  const { descriptor } = resolved;
  tool.inputs = descriptor.inputs.map((a) => ({ anchor: a.name, connections: incoming.filter((c) => c.to.anchor === a.name) }));
  tool.outputs = descriptor.outputs.map((a) => ({ anchor: a.name, connections: outgoing.filter((c) => c.from.anchor === a.name) }));
  const problems: string[] = [];
  for (const c of incoming) {
    if (!descriptor.inputs.some((a) => a.name === c.to.anchor)) problems.push(`connection into unknown input anchor '${c.to.anchor}'`);
  }
  for (const c of outgoing) {
    if (!descriptor.outputs.some((a) => a.name === c.from.anchor)) problems.push(`connection from unknown output anchor '${c.from.anchor}'`);
  }
  for (const [i, a] of descriptor.inputs.entries()) {
    const count = tool.inputs[i].connections.length;
    if (!a.optional && count === 0) problems.push(`required input anchor '${a.name}' is not connected`);
    if (!a.allowMultiple && count > 1) problems.push(`input anchor '${a.name}' takes one connection, it has ${count}`);
  }
  tool.config = mergeDefaultConfig(descriptor.defaultConfig, node.config);
  try {
    const invalid = resolved.validateConfig(tool.config);
    if (invalid.length > 0) problems.push(`invalid config: ${invalid.join('; ')}`);
  } catch (error) {
    problems.push(`invalid config: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (problems.length > 0) tool.error = problems.join('; ');
  return tool;
}

function topologicalOrder(tools: PlannedTool[], byId: Map<string, PlannedTool>): PlannedTool[] {
  const indegree = new Map(tools.map((t) => [t.node.id, t.upstream.size]));
  const ready = tools.filter((t) => t.upstream.size === 0);
  const order: PlannedTool[] = [];
  const placed = new Set<PlannedTool>();
  for (let next = 0; next < ready.length; next++) {
    const tool = ready[next];
    order.push(tool);
    placed.add(tool);
    for (const id of tool.downstream) {
      const left = indegree.get(id)! - 1;
      indegree.set(id, left);
      if (left === 0) ready.push(byId.get(id)!);
    }
  }
  for (const tool of tools) {
    if (placed.has(tool)) continue;
    tool.error ??= 'the tool is part of a cycle';
    order.push(tool);
  }
  return order;
}

/** every tool downstream of `toolId`, transitively */
export function downstreamOf(plan: RunPlan, toolId: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(plan.byId.get(toolId)?.downstream ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(plan.byId.get(id)?.downstream ?? []));
  }
  return seen;
}
