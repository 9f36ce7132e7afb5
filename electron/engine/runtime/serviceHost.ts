/**
 * Host side of a worker's service requests: forwards them to the PluginServices of the
 * process and answers by id. Blob bytes come in and go out transferred, not cloned.
 */
import type { JsonValue, VirtualPluginDefinition } from '../../../shared/sdk/plugin.js';
import type { PluginServices } from '../hostContracts.js';
import type { ServiceMethod } from './protocol.js';
import type { ToolHost } from './workerPool.js';

export interface ServiceCaller {
  runId: string;
  toolId: string;
  packageName: string;
  /** the full id of the tool whose class runs (the parent of a virtual tool) */
  classToolId: string;
  onResultStored(path: string): void;
}

export async function answerServiceRequest(
  services: PluginServices, caller: ServiceCaller, host: ToolHost, id: number, method: ServiceMethod, args: unknown[],
): Promise<void> {
  try {
    const value = await callService(services, caller, method, args);
    // bytes go back as a private copy whose buffer is transferred (the store may keep its own)
    const reply = value instanceof Uint8Array ? value.slice() : value;
    host.post({ type: 'service-reply', id, ok: true, value: reply }, reply instanceof Uint8Array ? [reply.buffer as ArrayBuffer] : []);
  } catch (error) {
    host.post({ type: 'service-reply', id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

async function callService(services: PluginServices, caller: ServiceCaller, method: ServiceMethod, args: unknown[]): Promise<unknown> {
  const pkg = caller.packageName;
  const key = args[0] as string;
  switch (method) {
    case 'state.get': return services.state.get(pkg, key);
    case 'state.set': return services.state.set(pkg, key, args[1] as JsonValue);
    case 'state.delete': return services.state.delete(pkg, key);
    case 'state.keys': return services.state.keys(pkg);
    case 'blobs.put': return services.blobs.put(pkg, key, args[1] as Uint8Array);
    case 'blobs.get': return services.blobs.get(pkg, key);
    case 'blobs.delete': return services.blobs.delete(pkg, key);
    case 'blobs.list': return services.blobs.list(pkg);
    case 'results.store': {
      const path = await services.results.store(caller.runId, caller.toolId, key, args[1] as Uint8Array, args[2] as string | undefined);
      caller.onResultStored(path);
      return path;
    }
    case 'virtualPlugins.create': return services.virtualPlugins.create(caller.classToolId, args[0] as VirtualPluginDefinition);
    case 'virtualPlugins.remove': return services.virtualPlugins.remove(caller.classToolId, key);
    case 'virtualPlugins.list': return services.virtualPlugins.list(caller.classToolId);
  }
}
