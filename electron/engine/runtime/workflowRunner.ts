/**
 * The engine's public entry: runs a workflow, full or update-only, and reports through the one
 * event stream (shared/runEvents.ts). Holds the warm workers, so keep one runner per process and
 * `dispose()` it at exit.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import type { RunEvent, RunMode, RunSummary, ToolEngine } from '../../../shared/runEvents.js';
import { runInDatabase, withoutTools } from '../inDatabase/inDatabaseRun.js';
import type { Workflow } from '../../../shared/workflow.js';
import type { PluginServices, ToolResolver } from '../hostContracts.js';
import { removePartialFiles } from '../stores/partialFiles.js';
import { AnchorCacheRun } from './anchorCache/anchorCacheRun.js';
import { AnchorCacheStore } from './anchorCache/anchorCacheStore.js';
import { defaultCacheBudgetBytes } from './anchorCache/cacheBudget.js';
import { runFull } from './fullRun.js';
import type { ConnectionLookup } from './toolConnections.js';
import { defaultMemoryLimitMb } from './memoryWatch.js';
import { buildRunPlan } from './runPlan.js';
import { RunRecorder } from './runRecorder.js';
import { UpdateCache } from './updateCache.js';
import { UpdateOnlyHost } from './updateOnlyHost.js';
import { runUpdate } from './updateRun.js';
import { DEFAULT_RESOURCE_LIMITS, WorkerPool } from './workerPool.js';

export type { ResourceLimits };

export interface WorkflowRunnerOptions {
  resolver: ToolResolver;
  services: PluginServices;
  weftVersion: string;
  /** named database connections, handed to the built-in tools whose config names one (toolConnections.ts) */
  connections?: ConnectionLookup;
  /** per tool-host worker, merged over DEFAULT_RESOURCE_LIMITS (old generation 2048 MB, young 4 MB) */
  resourceLimits?: ResourceLimits;
  /** update-only watchdog per tool (constructor + onInputConnectionOpened); default 3000 ms */
  updateWatchdogMs?: number;
  /** idle warm workers kept for full runs; default 8 */
  maxIdleWorkers?: number;
  /**
   * full runs: tools started while fewer than this many run (default: twice the CPU count, at
   * least 8); tools that running tools wait on start beyond it (toolStarts.ts)
   */
  maxLiveTools?: number;
  /**
   * full runs: when the process's resident memory passes this, the tool holding the most is stopped
   * (memoryWatch.ts); default $WEFT_MEMORY_LIMIT_MB, else 80 % of the machine's (or container's) memory
   */
  memoryLimitMb?: number;
  /** the data folder's runs folder: where full runs keep their anchor cache (docs/cache.md); absent: no cache */
  runsDir?: string;
  /**
   * full runs' tool hosts: a pool made (and warmed) before the runner, e.g. by `weft run` before it
   * loads the engine; default a new pool with `resourceLimits` and `maxIdleWorkers`
   */
  pool?: WorkerPool;
  /** where in-database runs spill (DuckDB's temp_directory); default a folder of the run's temporary folder */
  inDatabaseTempDir?: string;
}

/**
 * What a full run does with the anchor cache: `off` nothing; `keep` runs every tool and keeps
 * its outputs; `reuse` (an incremental run) also takes unchanged tools' outputs from the cache.
 */
export type CacheMode = 'off' | 'keep' | 'reuse';

export interface RunOptions {
  mode: RunMode;
  workflowDir: string | null;
  /** full runs: stop what still runs after this long */
  timeoutMs?: number;
  /** full runs: stop the run when no tool made progress (no message, no tool busy) for this long */
  idleTimeoutMs?: number;
  /** rows per output anchor in `anchor-preview` events; default 100 */
  previewRows?: number;
  /** abort to cancel a full run or supersede an update-only run */
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  runId?: string;
  /** update-only: reuse cached results of unchanged tools (default true) */
  useCache?: boolean;
  /** full runs: `in-database` runs what translates as SQL in DuckDB (docs/in-database.md); default the workflow's `engine` */
  engine?: ToolEngine;
  /** full runs: this run's memory limit, over the runner's memoryLimitMb */
  memoryLimitMb?: number;
  /** full runs: packets a consumer lets its producer send ahead, per connection (default 4) */
  credit?: number;
  /** full runs: the anchor cache (default off; needs the runner's `runsDir`) */
  cache?: CacheMode;
  /** the workflow whose cache entries share one budget: its file path (default: the workflow folder, else "unsaved") */
  workflowKey?: string;
  /** the anchor cache's disk budget for this workflow (default $WEFT_CACHE_BUDGET_MB, else 2 GB) */
  cacheBudgetBytes?: number;
}

export { DEFAULT_RESOURCE_LIMITS };

/** $WEFT_MEMORY_LIMIT_MB when it is a positive number */
function memoryLimitFromEnvironment(): number | undefined {
  const value = Number(process.env.WEFT_MEMORY_LIMIT_MB);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export class WorkflowRunner {
  private readonly pool: WorkerPool;
  private readonly updateHost: UpdateOnlyHost;
  private readonly updateCache = new UpdateCache();
  private readonly anchorCache: AnchorCacheStore | null;
  private disposed = false;

  constructor(private readonly options: WorkflowRunnerOptions) {
    const limits = { ...DEFAULT_RESOURCE_LIMITS, ...options.resourceLimits };
    this.pool = options.pool ?? new WorkerPool(limits, options.maxIdleWorkers ?? 8);
    this.updateHost = new UpdateOnlyHost(limits, options.services);
    this.anchorCache = options.runsDir ? new AnchorCacheStore(options.runsDir) : null;
  }

  /** the anchor-cache entries on disk (null when this runner keeps none) */
  get anchorCacheStore(): AnchorCacheStore | null {
    return this.anchorCache;
  }

  /** starts warm workers ahead of need (the update-only host and `fullRunWorkers` tool hosts) */
  warm(fullRunWorkers = 2): void {
    this.updateHost.warm();
    this.pool.warm(fullRunWorkers);
  }

  async run(workflow: Workflow, options: RunOptions): Promise<RunSummary> {
    if (this.disposed) throw new Error('this WorkflowRunner was disposed');
    const runId = options.runId ?? randomUUID();
    const plan = buildRunPlan(workflow, this.options.resolver);
    const recorder = new RunRecorder(runId, options.mode, plan.tools.map((t) => t.node.id), options.onEvent);
    const tempRoot = path.join(os.tmpdir(), `weft-run-${runId}`);
    try {
      if (options.mode === 'update') {
        return await runUpdate({
          plan, recorder, host: this.updateHost, cache: this.updateCache, useCache: options.useCache ?? true,
          workflowDir: options.workflowDir, weftVersion: this.options.weftVersion, tempRoot, connections: this.options.connections,
          watchdogMs: this.options.updateWatchdogMs ?? 3000, signal: options.signal,
        });
      }
      const memoryLimitMb = options.memoryLimitMb ?? this.options.memoryLimitMb ?? memoryLimitFromEnvironment() ?? defaultMemoryLimitMb();
      let streamingPlan = plan;
      if ((options.engine ?? workflow.engine) === 'in-database') {
        const ran = await runInDatabase({
          plan, recorder, workflowDir: options.workflowDir, previewRows: options.previewRows ?? 100, signal: options.signal,
          tempDirectory: this.options.inDatabaseTempDir ?? path.join(tempRoot, 'in-database'),
          // DuckDB spills past half the run's limit: the streaming tools and the app keep the rest
          memoryLimitMb: memoryLimitMb / 2,
        });
        streamingPlan = withoutTools(plan, ran);
        if (streamingPlan.tools.length === 0) return recorder.finish(options.signal?.aborted === true);
      }
      const cache = await this.prepareCache(streamingPlan, runId, options);
      try {
        return await runFull({
          plan: streamingPlan, recorder, cache, pool: this.pool, services: this.options.services, workflowDir: options.workflowDir,
          weftVersion: this.options.weftVersion, tempRoot, connections: this.options.connections, previewRows: options.previewRows ?? 100,
          timeoutMs: options.timeoutMs, idleTimeoutMs: options.idleTimeoutMs, signal: options.signal, credit: options.credit,
          maxLiveTools: this.options.maxLiveTools ?? Math.max(8, 2 * os.availableParallelism()),
          memoryLimitMb,
        });
      } finally {
        await cache?.finish();
      }
    } finally {
      await removePartialFiles(tempRoot);
      await fs.promises.rm(tempRoot, { recursive: true, force: true }).catch(() => {});
    }
  }

  private async prepareCache(plan: ReturnType<typeof buildRunPlan>, runId: string, options: RunOptions): Promise<AnchorCacheRun | undefined> {
    const mode = options.cache ?? 'off';
    if (mode === 'off' || !this.anchorCache) return undefined;
    try {
      return await AnchorCacheRun.prepare(plan, runId, {
        store: this.anchorCache,
        workflowKey: options.workflowKey ?? options.workflowDir ?? 'unsaved',
        budgetBytes: options.cacheBudgetBytes ?? defaultCacheBudgetBytes(),
        reuse: mode === 'reuse',
      }, { workflowDir: options.workflowDir, weftVersion: this.options.weftVersion });
    } catch (error) {
      // the cache only saves time: a run goes on without it
      process.emitWarning(`the anchor cache is off for run ${runId}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** forgets cached update-only results (e.g. after a plugin folder changed on disk) */
  clearUpdateCache(): void {
    this.updateCache.clear();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await Promise.all([this.pool.dispose(), this.updateHost.dispose()]);
  }
}
