/**
 * Which connections the canvas accepts while the user drags: output to input only, one
 * connection per input anchor unless it allows several, and no cycles.
 */
import type { AnchorSpec, ToolDescriptor } from '../../shared/manifest.js';
import type { Workflow } from '../../shared/workflow.js';

export interface ConnectionCandidate {
  fromTool: string;
  fromAnchor: string;
  toTool: string;
  toAnchor: string;
}

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

export type DescriptorLookup = (pluginId: string) => ToolDescriptor | undefined;

/** True when a path of connections leads from `start` to `target`. */
export function reaches(workflow: Pick<Workflow, 'connections'>, start: string, target: string): boolean {
  const downstream = new Map<string, string[]>();
  for (const c of workflow.connections) {
    const list = downstream.get(c.from.tool) ?? [];
    list.push(c.to.tool);
    downstream.set(c.from.tool, list);
  }
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const tool = stack.pop()!;
    if (tool === target) return true;
    if (seen.has(tool)) continue;
    seen.add(tool);
    stack.push(...(downstream.get(tool) ?? []));
  }
  return false;
}

function findAnchor(anchors: AnchorSpec[], name: string): AnchorSpec | undefined {
  return anchors.find((anchor) => anchor.name === name);
}

export function checkConnection(
  workflow: Pick<Workflow, 'tools' | 'connections'>,
  describe: DescriptorLookup,
  candidate: ConnectionCandidate,
): ConnectionVerdict {
  const from = workflow.tools.find((tool) => tool.id === candidate.fromTool);
  const to = workflow.tools.find((tool) => tool.id === candidate.toTool);
  if (!from || !to) return { ok: false, reason: 'unknown tool' };
  if (from.id === to.id) return { ok: false, reason: 'a tool cannot connect to itself' };
  const fromDescriptor = describe(from.plugin);
  const toDescriptor = describe(to.plugin);
  if (!fromDescriptor || !toDescriptor) return { ok: false, reason: 'plugin not installed' };
  if (!findAnchor(fromDescriptor.outputs, candidate.fromAnchor)) {
    return { ok: false, reason: `${fromDescriptor.name} has no output anchor ${candidate.fromAnchor}` };
  }
  const input = findAnchor(toDescriptor.inputs, candidate.toAnchor);
  if (!input) return { ok: false, reason: `${toDescriptor.name} has no input anchor ${candidate.toAnchor}` };
  const into = workflow.connections.filter((c) => c.to.tool === to.id && c.to.anchor === input.name);
  if (into.some((c) => c.from.tool === from.id && c.from.anchor === candidate.fromAnchor)) {
    return { ok: false, reason: 'these anchors are already connected' };
  }
  if (!input.allowMultiple && into.length > 0) {
    return { ok: false, reason: `input ${input.name} takes one connection` };
  }
  if (reaches(workflow, to.id, from.id)) return { ok: false, reason: 'this connection would make a cycle' };
  return { ok: true };
}
