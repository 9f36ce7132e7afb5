/**
 * What the engine service needs from the registry (B2) and the runtime (A), stated as the
 * service uses them. `engineHost.ts` adapts the real PluginRegistry and WorkflowRunner to these.
 */
import type { ToolDescriptor } from '../../../shared/manifest.js';
import type { RunSummary } from '../../../shared/runEvents.js';
import type { PluginChange, Unsubscribe } from '../../../shared/weftApi.js';
import type { Workflow } from '../../../shared/workflow.js';
import type { ToolResolver } from '../hostContracts.js';
import type { AnchorCacheStore } from '../runtime/anchorCache/anchorCacheStore.js';
import type { RunOptions } from '../runtime/workflowRunner.js';

/** the part of PluginRegistry (registry/pluginRegistry.ts) the service uses */
export interface ServiceRegistry extends ToolResolver {
  list(): ToolDescriptor[];
  install(dir: string, options?: { force?: boolean }): Promise<ToolDescriptor[]>;
  remove(packageName: string): Promise<void>;
  /** loads a development folder; an edit reloads it unless `watch` is false */
  loadFolder(dir: string, options?: { watch?: boolean }): Promise<ToolDescriptor[]>;
  onChange(callback: (change: PluginChange) => void): Unsubscribe;
  notices(): Array<{ level: 'info' | 'warn' | 'error'; message: string }>;
  dispose(): Promise<void>;
}

/** the run options the service passes (their meaning is documented on RunOptions) */
export type ServiceRunOptions = Pick<RunOptions, 'mode' | 'workflowDir' | 'timeoutMs' | 'idleTimeoutMs' | 'previewRows' | 'signal' | 'onEvent' | 'cache' | 'workflowKey' | 'cacheBudgetBytes' | 'engine'>;

/** the part of WorkflowRunner (runtime/workflowRunner.ts) the service uses */
export interface ServiceRunner {
  run(workflow: Workflow, options: ServiceRunOptions): Promise<RunSummary>;
  /** starts warm workers ahead of need */
  warm(): void;
  /** the anchor-cache entries on disk (null: this runner keeps none) */
  readonly anchorCacheStore: AnchorCacheStore | null;
  /** forgets cached update-only results (a plugin changed) */
  clearUpdateCache(): void;
  dispose(): Promise<void>;
}
