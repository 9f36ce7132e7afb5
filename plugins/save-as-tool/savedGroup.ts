/**
 * The definition of a saved group: which built-in tools, how they connect, and which of their
 * anchors become the new tool's anchors. Checked once, when the tool is saved.
 */
import type { VirtualPluginDefinition } from '../../shared/sdk/index.js';

type AnchorManifest = VirtualPluginDefinition['inputs'][number];

export interface GroupTool {
  id: string;
  plugin: string;
  config: Record<string, unknown>;
}

export interface GroupConnection {
  from: { tool: string; anchor: string };
  to: { tool: string; anchor: string };
}

/** one anchor of the saved tool, bound to an anchor of an inner tool */
export interface BoundAnchor extends AnchorManifest {
  tool: string;
  anchor: string;
}

export interface SavedGroup {
  tools: GroupTool[];
  connections: GroupConnection[];
  inputs: BoundAnchor[];
  outputs: BoundAnchor[];
}

/** what the group needs to know about a built-in tool (from the package's weft-plugin.json) */
export interface BuiltinTool {
  id: string;
  entry: string;
  inputs: AnchorManifest[];
  outputs: AnchorManifest[];
  defaultConfig?: Record<string, unknown>;
}

export const SELF_ID = 'save-as-tool';

function named(side: Array<{ tool: string; anchor: string }>): string[] {
  return side.map(({ tool, anchor }) => (side.filter((o) => o.anchor === anchor).length > 1 ? `${tool} ${anchor}` : anchor));
}

/** inner tools in an order where every connection goes forward; throws on a cycle */
export function topologicalOrder(tools: GroupTool[], connections: GroupConnection[]): GroupTool[] {
  const indegree = new Map(tools.map((t) => [t.id, 0]));
  for (const c of connections) indegree.set(c.to.tool, (indegree.get(c.to.tool) ?? 0) + 1);
  const ready = tools.filter((t) => indegree.get(t.id) === 0);
  const ordered: GroupTool[] = [];
  while (ready.length > 0) {
    const tool = ready.shift() as GroupTool;
    ordered.push(tool);
    for (const c of connections.filter((c) => c.from.tool === tool.id)) {
      const left = (indegree.get(c.to.tool) ?? 0) - 1;
      indegree.set(c.to.tool, left);
      if (left === 0) ready.push(tools.find((t) => t.id === c.to.tool) as GroupTool);
    }
  }
  if (ordered.length !== tools.length) throw new Error('the selected tools form a cycle');
  return ordered;
}

/** checks a selection and works out the saved tool's anchors; throws a message naming the place */
export function defineGroup(
  tools: Array<{ id: string; plugin: string; config?: Record<string, unknown> }>,
  connections: GroupConnection[],
  builtins: Map<string, BuiltinTool>,
): SavedGroup {
  if (tools.length === 0) throw new Error('select at least one tool to save');
  const byId = new Map<string, BuiltinTool>();
  for (const [i, tool] of tools.entries()) {
    const [pkg, id] = String(tool.plugin).split('/');
    if (byId.has(tool.id)) throw new Error(`tools[${i}]: the tool id ${JSON.stringify(tool.id)} is used twice`);
    if (pkg !== 'weft') throw new Error(`tools[${i}] (${tool.id}): only built-in weft/… tools can be saved as a tool, not ${tool.plugin}`);
    if (id === SELF_ID) throw new Error(`tools[${i}] (${tool.id}): "Save as tool" cannot be saved inside a saved tool`);
    const builtin = builtins.get(id);
    if (!builtin) throw new Error(`tools[${i}] (${tool.id}): ${tool.plugin} is not a built-in tool (a saved tool cannot contain another saved tool)`);
    byId.set(tool.id, builtin);
  }
  const used = new Set<string>();
  for (const [i, c] of connections.entries()) {
    const from = byId.get(c.from?.tool);
    const to = byId.get(c.to?.tool);
    if (!from || !to) throw new Error(`connections[${i}]: connects a tool outside the selection (${c.from?.tool} → ${c.to?.tool})`);
    if (!from.outputs.some((a) => a.name === c.from.anchor)) throw new Error(`connections[${i}]: ${c.from.tool} has no output anchor ${JSON.stringify(c.from.anchor)}`);
    const input = to.inputs.find((a) => a.name === c.to.anchor);
    if (!input) throw new Error(`connections[${i}]: ${c.to.tool} has no input anchor ${JSON.stringify(c.to.anchor)}`);
    const key = `${c.to.tool}\0${c.to.anchor}`;
    if (used.has(key) && !input.allowMultiple) throw new Error(`connections[${i}]: ${c.to.tool}.${c.to.anchor} takes one connection`);
    used.add(key);
    used.add(`out\0${c.from.tool}\0${c.from.anchor}`);
  }
  const ordered = topologicalOrder(
    tools.map((t) => ({ id: t.id, plugin: t.plugin, config: t.config ?? {} })),
    connections,
  );
  const freeInputs = ordered.flatMap((t) =>
    (byId.get(t.id) as BuiltinTool).inputs
      .filter((a) => !used.has(`${t.id}\0${a.name}`))
      .map((a) => ({ tool: t.id, anchor: a.name, optional: a.optional ?? false, allowMultiple: a.allowMultiple ?? false })),
  );
  const freeOutputs = ordered.flatMap((t) =>
    (byId.get(t.id) as BuiltinTool).outputs.filter((a) => !used.has(`out\0${t.id}\0${a.name}`)).map((a) => ({ tool: t.id, anchor: a.name })),
  );
  // the saved tool is served by constructing its parent, whose inner tools load asynchronously:
  // they start when the first input opens, so a saved tool needs an input
  if (freeInputs.length === 0) throw new Error('the selection has no unconnected input anchor to become the new tool\'s input');
  if (freeOutputs.length === 0) throw new Error('the selection has no unconnected output anchor to become the new tool\'s output');
  const inputNames = named(freeInputs);
  const outputNames = named(freeOutputs);
  return {
    tools: ordered,
    connections: connections.map((c) => ({ from: { tool: c.from.tool, anchor: c.from.anchor }, to: { tool: c.to.tool, anchor: c.to.anchor } })),
    inputs: freeInputs.map((a, i) => ({ ...a, name: inputNames[i] })),
    outputs: freeOutputs.map((a, i) => ({ ...a, name: outputNames[i] })),
  };
}
