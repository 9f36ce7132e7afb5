/**
 * Host side of "Save as tool" (WeftApi.saveAsTool / removeVirtualTool): saving runs a one-tool
 * workflow with the built-in `weft/save-as-tool` in a full run, so the tool is created through the
 * same virtual-plugin service any plugin uses, and the registry announces it at once.
 */
import type { ToolDescriptor } from '../../../shared/manifest.js';
import type { RunSummary } from '../../../shared/runEvents.js';
import type { SaveAsToolRequest } from '../../../shared/weftApi.js';
import { WORKFLOW_FORMAT, WORKFLOW_VERSION, type Workflow } from '../../../shared/workflow.js';
import type { PluginRegistry } from './pluginRegistry.js';

export const SAVE_AS_TOOL_ID = 'weft/save-as-tool';

/** what saving needs of the runtime: A's WorkflowRunner fits */
export interface FullRunner {
  run(workflow: Workflow, options: { mode: 'full'; workflowDir: string | null }): Promise<RunSummary>;
}

type Resolver = Pick<PluginRegistry, 'resolve' | 'stores'>;

export async function saveAsTool(runner: FullRunner, registry: Resolver, request: SaveAsToolRequest): Promise<ToolDescriptor> {
  const config = {
    id: request.id,
    name: request.name,
    ...(request.description !== undefined ? { description: request.description } : {}),
    ...(request.category !== undefined ? { category: request.category } : {}),
    tools: request.tools.map((t) => ({ id: t.id, plugin: t.plugin, config: t.config ?? {} })),
    connections: request.connections.map((c) => ({ from: { tool: c.from.tool, anchor: c.from.anchor }, to: { tool: c.to.tool, anchor: c.to.anchor } })),
  };
  const workflow: Workflow = {
    format: WORKFLOW_FORMAT,
    version: WORKFLOW_VERSION,
    tools: [{ id: 'save', plugin: SAVE_AS_TOOL_ID, config, position: { x: 0, y: 0 } }],
    connections: [],
  };
  const summary = await runner.run(workflow, { mode: 'full', workflowDir: null });
  const tool = summary.tools.save;
  if (summary.status !== 'ok') {
    const errors = tool?.messages.filter((m) => m.level === 'error').map((m) => m.text) ?? [];
    throw new Error(`save as tool ${JSON.stringify(request.id)}: ${errors.join('; ') || `the run ended ${summary.status}`}`);
  }
  const saved = registry.resolve(`weft/${request.id}`);
  if (!saved || saved.descriptor.source !== 'virtual') throw new Error(`save as tool ${JSON.stringify(request.id)}: the tool was not created`);
  return saved.descriptor;
}

/** deletes a virtual tool (any parent's) by its full id; the palette hears of it at once */
export async function removeVirtualTool(registry: Resolver, fullId: string): Promise<void> {
  const resolved = registry.resolve(fullId);
  if (!resolved) throw new Error(`remove virtual tool: there is no tool ${JSON.stringify(fullId)}`);
  const record = resolved.virtualPlugin;
  if (!record) throw new Error(`remove virtual tool: ${fullId} is not a virtual tool (it comes from the ${resolved.descriptor.source} package ${resolved.descriptor.package})`);
  await registry.stores.virtualPlugins.remove(record.parent, record.id);
}
