/**
 * "Save as tool" takes one tool, or a connected group with one way in and one way out.
 * Returns the part of the workflow to save, or why the selection cannot be saved.
 */
import type { ToolDescriptor } from '../../shared/manifest.js';
import type { Workflow } from '../../shared/workflow.js';
import type { DescriptorLookup } from './connectionRules.js';

export type SaveAsToolSelection =
  | { ok: true; tools: Workflow['tools']; connections: Workflow['connections'] }
  | { ok: false; reason: string };

function isConnectedGroup(ids: ReadonlySet<string>, connections: Workflow['connections']): boolean {
  const neighbours = new Map<string, string[]>();
  for (const c of connections) {
    neighbours.set(c.from.tool, [...(neighbours.get(c.from.tool) ?? []), c.to.tool]);
    neighbours.set(c.to.tool, [...(neighbours.get(c.to.tool) ?? []), c.from.tool]);
  }
  const [first] = ids;
  const seen = new Set<string>();
  const stack = first === undefined ? [] : [first];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(neighbours.get(id) ?? []));
  }
  return seen.size === ids.size;
}

export function selectionForSaveAsTool(workflow: Workflow, selected: readonly string[], describe: DescriptorLookup): SaveAsToolSelection {
  const ids = new Set(selected);
  const tools = workflow.tools.filter((tool) => ids.has(tool.id));
  if (tools.length === 0) return { ok: false, reason: 'Select a tool, or a connected group of tools, first.' };
  const inside = workflow.connections.filter((c) => ids.has(c.from.tool) && ids.has(c.to.tool));
  if (tools.length === 1) return { ok: true, tools, connections: inside };
  if (!isConnectedGroup(ids, inside)) return { ok: false, reason: 'The selected tools are not connected to each other.' };
  const descriptors = new Map<string, ToolDescriptor | undefined>(tools.map((tool) => [tool.id, describe(tool.plugin)]));
  let openInputs = 0;
  let openOutputs = 0;
  for (const tool of tools) {
    const descriptor = descriptors.get(tool.id);
    if (!descriptor) return { ok: false, reason: `Tool ${tool.id} has no installed plugin.` };
    for (const input of descriptor.inputs) {
      if (!inside.some((c) => c.to.tool === tool.id && c.to.anchor === input.name)) openInputs += 1;
    }
    for (const output of descriptor.outputs) {
      if (!inside.some((c) => c.from.tool === tool.id && c.from.anchor === output.name)) openOutputs += 1;
    }
  }
  if (openInputs > 1 || openOutputs !== 1) {
    return { ok: false, reason: `A group saved as a tool needs one input and one output; this one has ${openInputs} and ${openOutputs}.` };
  }
  return { ok: true, tools, connections: inside };
}
