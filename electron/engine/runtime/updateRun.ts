/**
 * An update-only run: the whole DAG in topological order inside the warm update-only host, with
 * connections in memory (each tool's output metadata is handed to its downstream). Unchanged
 * tools come from the cache; a superseded run (its signal aborted) stops at once.
 */
import type { Metadata } from '../../../shared/metadata.js';
import type { RunSummary } from '../../../shared/runEvents.js';
import { serviceCallerOf, toolJobBase } from './plannedToolJob.js';
import type { ConnectionLookup } from './toolConnections.js';
import type { UpdateToolJob } from './protocol.js';
import { downstreamOf, type PlannedTool, type RunPlan } from './runPlan.js';
import type { RunRecorder } from './runRecorder.js';
import { updateCacheKey, type CachedUpdate, type UpdateCache } from './updateCache.js';
import type { UpdateOnlyHost, UpdateOutcome } from './updateOnlyHost.js';

export interface UpdateRunContext {
  plan: RunPlan;
  recorder: RunRecorder;
  host: UpdateOnlyHost;
  cache: UpdateCache;
  useCache: boolean;
  workflowDir: string | null;
  weftVersion: string;
  tempRoot: string;
  connections?: ConnectionLookup;
  watchdogMs: number;
  signal?: AbortSignal;
}

export async function runUpdate(ctx: UpdateRunContext): Promise<RunSummary> {
  const { plan, recorder } = ctx;
  const outputs = new Map<string, Record<string, Metadata>>();
  const aborted = new Promise<'aborted'>((resolve) => {
    if (ctx.signal?.aborted) resolve('aborted');
    ctx.signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  const fail = (toolId: string, message: string) => {
    recorder.fail(toolId, message);
    for (const id of downstreamOf(plan, toolId)) recorder.setStatus(id, 'cancelled');
  };

  for (const tool of plan.tools) {
    if (ctx.signal?.aborted) break;
    const toolId = tool.node.id;
    if (recorder.isSettled(toolId)) continue;
    if (tool.error) {
      fail(toolId, tool.error);
      continue;
    }
    const job = updateJob(ctx, tool, outputs);
    const key = updateCacheKey(tool, job);
    // sources are not cached: their metadata may come from a file that changed since
    const cacheable = ctx.useCache && (tool.resolved?.descriptor.inputs.length ?? 0) > 0;
    let result = cacheable ? ctx.cache.get(key) : undefined;
    if (!result) {
      recorder.setStatus(toolId, 'running');
      const served = ctx.host.runTool(job, serviceCallerOf(tool, recorder), ctx.watchdogMs).then((outcome) => {
        // cached even when this run was superseded meanwhile: the next run most likely asks the same
        if (cacheable && outcome.kind === 'result' && !outcome.result.failure) {
          ctx.cache.set(key, { outputs: outcome.result.outputs, messages: outcome.result.messages });
        }
        return outcome;
      });
      const outcome = await Promise.race([served, aborted]);
      if (outcome === 'aborted') break;
      const failure = failureOf(outcome, ctx.watchdogMs);
      if (outcome.kind === 'result') for (const m of outcome.result.messages) recorder.message(toolId, m.level, m.text);
      if (failure) {
        fail(toolId, failure);
        continue;
      }
      result = { outputs: (outcome as { result: CachedUpdate }).result.outputs, messages: [] };
    } else {
      for (const m of result.messages) recorder.message(toolId, m.level, m.text);
    }
    for (const [anchor, metadata] of Object.entries(result.outputs)) recorder.anchorOpened(toolId, anchor, metadata);
    outputs.set(toolId, result.outputs);
    recorder.setStatus(toolId, 'ok');
  }
  return recorder.finish(ctx.signal?.aborted === true);
}

function failureOf(outcome: UpdateOutcome, watchdogMs: number): string | null {
  switch (outcome.kind) {
    case 'result': return outcome.result.failure?.message ?? null;
    case 'timeout': return `timed out in update-only: constructor and onInputConnectionOpened took longer than ${watchdogMs} ms`;
    case 'crashed': return outcome.exit.outOfMemory ? 'out of memory' : `the update-only host stopped: ${outcome.exit.error?.message
      ?? (outcome.exit.code !== undefined ? `exit code ${outcome.exit.code} (did the tool call process.exit()?)` : 'unknown reason')}`;
  }
}

function updateJob(ctx: UpdateRunContext, tool: PlannedTool, outputs: Map<string, Record<string, Metadata>>): UpdateToolJob {
  return {
    ...toolJobBase(tool, ctx.recorder.runId, ctx),
    inputs: tool.inputs.map((a) => ({
      anchor: a.anchor,
      connections: a.connections.map((c) => ({ name: c.name, metadata: outputs.get(c.from.tool)?.[c.from.anchor] ?? null })),
    })),
    outputs: tool.outputs.map((a) => a.anchor),
  };
}
