/**
 * Builds the real runner (A) and the virtual-tool actions, adapted to what the service uses
 * (engineParts.ts). The one place that knows their constructors.
 */
import type { ToolDescriptor } from '../../../shared/manifest.js';
import type { SaveAsToolRequest } from '../../../shared/weftApi.js';
import type { PluginServices, ToolResolver } from '../hostContracts.js';
import { WorkflowRunner } from '../runtime/workflowRunner.js';
import type { PluginStores } from '../stores/pluginServices.js';
import type { ServiceRegistry, ServiceRunner } from './engineParts.js';

interface RegistryParts {
  dataDir: string;
  stores: PluginStores;
}

export function createRunner(options: { resolver: ToolResolver; services: PluginServices; weftVersion: string }): ServiceRunner {
  return new WorkflowRunner(options);
}

interface VirtualToolParts extends RegistryParts {
  registry: ServiceRegistry;
}

export function saveAsToolFor(_parts: VirtualToolParts): (request: SaveAsToolRequest) => Promise<ToolDescriptor> {
  return async () => {
    throw new Error('saveAsTool: not available yet (the built-in "Save as tool" parent is not installed)');
  };
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
