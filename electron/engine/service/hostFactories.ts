/**
 * Builds the real runner (A) and the virtual-tool actions, adapted to what the service uses
 * (engineParts.ts). The one place that knows their constructors.
 */
import type { ToolDescriptor } from '../../../shared/manifest.js';
import type { SaveAsToolRequest } from '../../../shared/weftApi.js';
import { WORKFLOW_FORMAT, WORKFLOW_VERSION, type Workflow } from '../../../shared/workflow.js';
import type { PluginServices, ToolResolver } from '../hostContracts.js';
import type { ConnectionLookup } from '../runtime/toolConnections.js';
import type { WorkerPool } from '../runtime/workerPool.js';
import { WorkflowRunner } from '../runtime/workflowRunner.js';
import type { PluginStores } from '../stores/pluginServices.js';
import type { ServiceRegistry, ServiceRunner } from './engineParts.js';

interface RegistryParts {
  dataDir: string;
  stores: PluginStores;
}

export function createRunner(options: { resolver: ToolResolver; services: PluginServices; weftVersion: string; connections: ConnectionLookup; runsDir?: string; inDatabaseTempDir?: string; pool?: WorkerPool }): ServiceRunner {
  return new WorkflowRunner(options);
}

interface VirtualToolParts extends RegistryParts {
  registry: ServiceRegistry;
  runner: ServiceRunner;
}

export const SAVE_AS_TOOL = 'weft/save-as-tool';
const SAVED_TOOL_WAIT_MS = 5_000;

/**
 * "Save as tool" goes through the built-in parent exactly as a workflow would use it: a one-tool
 * full run of `weft/save-as-tool` with the selection as its config, so the virtual tool is created
 * by its parent through the plugin contract. Resolves with the new palette tool.
 */
export function saveAsToolFor({ registry, runner }: VirtualToolParts): (request: SaveAsToolRequest) => Promise<ToolDescriptor> {
  return async (request) => {
    if (!registry.resolve(SAVE_AS_TOOL)) throw new Error(`saveAsTool: the built-in tool ${SAVE_AS_TOOL} is not available`);
    const config = {
      id: request.id,
      name: request.name,
      ...(request.description !== undefined && { description: request.description }),
      ...(request.category !== undefined && { category: request.category }),
      tools: request.tools.map((t) => ({ id: t.id, plugin: t.plugin, config: t.config ?? {} })),
      connections: request.connections.map((c) => ({ from: c.from, to: c.to })),
    };
    const fullId = `weft/${request.id}`;
    const appeared = waitForTool(registry, fullId);
    const workflow: Workflow = {
      format: WORKFLOW_FORMAT, version: WORKFLOW_VERSION, connections: [],
      tools: [{ id: 'save-as-tool', plugin: SAVE_AS_TOOL, config, position: { x: 0, y: 0 } }],
    };
    const summary = await runner.run(workflow, { mode: 'full', workflowDir: null });
    const tool = summary.tools['save-as-tool'];
    if (summary.status !== 'ok' || !tool || tool.status !== 'ok') {
      appeared.cancel();
      const errors = tool?.messages.filter((m) => m.level === 'error').map((m) => m.text) ?? [];
      throw new Error(`saveAsTool: ${errors.join('; ') || `the save did not finish (${summary.status})`}`);
    }
    appeared.check();
    return appeared.promise;
  };
}

/** the registry learns of a new virtual tool through its store's change event, just after the run */
function waitForTool(registry: ServiceRegistry, fullId: string): { promise: Promise<ToolDescriptor>; cancel(): void; check(): void } {
  let stop = () => {};
  let check = () => {};
  const promise = new Promise<ToolDescriptor>((resolve, reject) => {
    check = () => {
      const descriptor = registry.resolve(fullId)?.descriptor;
      if (descriptor?.source !== 'virtual') return;
      stop();
      resolve(descriptor);
    };
    const unsubscribe = registry.onChange(() => check());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`saveAsTool: ${fullId} was saved but did not appear in the registry`));
    }, SAVED_TOOL_WAIT_MS);
    stop = () => {
      unsubscribe();
      clearTimeout(timer);
    };
  });
  promise.catch(() => undefined);
  return { promise, cancel: () => stop(), check: () => check() };
}

/** removes a virtual tool by its full id, through its parent's record in the virtual plugin store */
export function removeVirtualToolFor({ registry, stores }: VirtualToolParts): (fullId: string) => Promise<void> {
  return async (fullId) => {
    const descriptor = registry.resolve(fullId)?.descriptor;
    if (!descriptor) throw new Error(`removeVirtualTool: there is no tool "${fullId}"`);
    if (descriptor.source !== 'virtual' || descriptor.parent === null) {
      throw new Error(`removeVirtualTool: "${fullId}" is not a virtual tool (it comes from the ${descriptor.source} package "${descriptor.package}")`);
    }
    const shortId = fullId.slice(fullId.indexOf('/') + 1);
    const removed = await stores.virtualPlugins.remove(descriptor.parent, shortId);
    if (!removed) throw new Error(`removeVirtualTool: "${fullId}" was already removed`);
  };
}
