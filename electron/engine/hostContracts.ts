/**
 * Contracts between the parts of the engine host: the registry resolves tools, the stores serve
 * the plugin services, and the runtime drives lifecycles. Each side is built against these.
 */
import type { ToolDescriptor } from '../../shared/manifest.js';
import type { JsonValue, VirtualPluginDefinition, VirtualPluginRecord } from '../../shared/sdk/plugin.js';

export interface ResolvedTool {
  descriptor: ToolDescriptor;
  /** absolute path of the ES module whose default export is the class to construct (the parent's, for a virtual tool) */
  entryPath: string;
  /** absolute folder of the plugin package */
  packageDir: string;
  /** the stored record when this is a virtual tool, else null */
  virtualPlugin: VirtualPluginRecord | null;
  /** validates a config that already has the defaults merged under it; [] when valid */
  validateConfig(config: Record<string, unknown>): string[];
}

export interface ToolResolver {
  resolve(fullId: string): ResolvedTool | undefined;
}

/** Host-side plugin services; the worker-side provider forwards calls here (serialized per package). */
export interface PluginServices {
  state: {
    get(packageName: string, key: string): Promise<JsonValue | undefined>;
    set(packageName: string, key: string, value: JsonValue): Promise<void>;
    delete(packageName: string, key: string): Promise<void>;
    keys(packageName: string): Promise<string[]>;
  };
  blobs: {
    put(packageName: string, key: string, data: Uint8Array): Promise<void>;
    get(packageName: string, key: string): Promise<Uint8Array | null>;
    delete(packageName: string, key: string): Promise<void>;
    list(packageName: string): Promise<string[]>;
  };
  results: {
    /** writes under the run's results folder; returns the absolute path */
    store(runId: string, toolId: string, fileName: string, data: Uint8Array, mimeType?: string): Promise<string>;
  };
  virtualPlugins: {
    create(parentFullId: string, definition: VirtualPluginDefinition): Promise<VirtualPluginRecord>;
    remove(parentFullId: string, id: string): Promise<void>;
    list(parentFullId: string): Promise<VirtualPluginRecord[]>;
  };
}
