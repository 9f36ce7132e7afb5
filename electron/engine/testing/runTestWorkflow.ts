/**
 * The engine test harness: runs a workflow in code through the real registry, stores and
 * runtime (real worker threads, real files, a temporary WEFT_HOME), and hands back the summary,
 * every event, and each output anchor's preview rows keyed `toolId.anchor`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PreviewRow, RunEvent, RunMode, RunSummary } from '../../../shared/runEvents.js';
import type { Workflow } from '../../../shared/workflow.js';
import { createPluginRegistry, type PluginRegistry } from '../registry/pluginRegistry.js';
import { WorkflowRunner, type RunOptions, type WorkflowRunnerOptions } from '../runtime/workflowRunner.js';

export interface TestEngineOptions {
  /** plugin folders loaded for this engine (`--plugins DIR`) */
  pluginDirs?: string[];
  /** the data folder; a fresh temporary one (removed by dispose) when absent */
  weftHome?: string;
  resourceLimits?: WorkflowRunnerOptions['resourceLimits'];
  updateWatchdogMs?: number;
  maxLiveTools?: number;
  memoryLimitMb?: number;
}

export interface TestRunOptions extends Partial<Omit<RunOptions, 'onEvent'>> {
  mode?: RunMode;
}

export interface TestRunResult {
  summary: RunSummary;
  events: RunEvent[];
  /** `toolId.anchor` → preview rows (full runs) */
  previews: Record<string, PreviewRow[]>;
}

export interface TestEngine {
  registry: PluginRegistry;
  runner: WorkflowRunner;
  weftHome: string;
  run(workflow: Workflow, options?: TestRunOptions): Promise<TestRunResult>;
  dispose(): Promise<void>;
}

export async function createTestEngine(options: TestEngineOptions = {}): Promise<TestEngine> {
  const ownHome = options.weftHome === undefined;
  const weftHome = options.weftHome ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'weft-test-home-')));
  const registry = await createPluginRegistry({ dataDir: weftHome, loadedDirs: options.pluginDirs ?? [] });
  const runner = new WorkflowRunner({
    resolver: registry, services: registry.services, weftVersion: 'test', connections: registry.stores.connections,
    runsDir: path.join(weftHome, 'runs'),
    resourceLimits: options.resourceLimits, updateWatchdogMs: options.updateWatchdogMs, maxLiveTools: options.maxLiveTools, memoryLimitMb: options.memoryLimitMb,
  });
  return {
    registry,
    runner,
    weftHome,
    async run(workflow, runOptions = {}) {
      const events: RunEvent[] = [];
      const summary = await runner.run(workflow, {
        workflowDir: null, ...runOptions, mode: runOptions.mode ?? 'full', onEvent: (event) => events.push(event),
      });
      const previews: Record<string, PreviewRow[]> = {};
      for (const event of events) if (event.type === 'anchor-preview') previews[`${event.toolId}.${event.anchor}`] = event.rows;
      return { summary, events, previews };
    },
    async dispose() {
      await runner.dispose();
      await registry.dispose();
      if (ownHome) await fs.rm(weftHome, { recursive: true, force: true });
    },
  };
}

/** One run with a fresh engine, disposed afterwards. */
export async function runTestWorkflow(
  workflow: Workflow,
  options: TestRunOptions & TestEngineOptions = {},
): Promise<TestRunResult> {
  const { pluginDirs, weftHome, resourceLimits, updateWatchdogMs, maxLiveTools, memoryLimitMb, ...runOptions } = options;
  const engine = await createTestEngine({ pluginDirs, weftHome, resourceLimits, updateWatchdogMs, maxLiveTools, memoryLimitMb });
  try {
    return await engine.run(workflow, runOptions);
  } finally {
    await engine.dispose();
  }
}
