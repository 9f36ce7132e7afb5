/**
 * A full run's in-database parts: planned (inDatabasePlan.ts), run in one worker thread with
 * embedded DuckDB (inDatabaseWorker.ts), reported through the run's recorder like any tool: status,
 * a count and a preview on every anchor, messages. A part the database refuses before writing
 * anything goes back to streaming; the tools left are run by the streaming engine afterwards.
 */
import { Worker } from 'node:worker_threads';
import { compiledSibling } from '../compiledPath.js';
import type { RunPlan } from '../runtime/runPlan.js';
import type { RunRecorder } from '../runtime/runRecorder.js';
import { duckdbDialect } from './duckdbDialect.js';
import { planInDatabase } from './inDatabasePlan.js';
import type { InDatabaseJob, PartOutcome } from './inDatabaseWorker.js';

const workerFile = compiledSibling(import.meta.url, 'inDatabaseWorker.js');

export interface InDatabaseContext {
  plan: RunPlan;
  recorder: RunRecorder;
  workflowDir: string | null;
  tempDirectory: string;
  memoryLimitMb: number;
  previewRows: number;
  signal?: AbortSignal;
}

function runWorker(job: InDatabaseJob, signal?: AbortSignal): Promise<PartOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: job });
    const onAbort = () => void worker.terminate();
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: { ok: true; outcomes: PartOutcome[] } | { ok: false; message: string }) => {
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (reply.ok) resolve(reply.outcomes);
      else reject(new Error(reply.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the in-database worker stopped (exit code ${code})`)));
  });
}

/** runs what translates in the database; returns the ids of the tools it settled */
export async function runInDatabase(ctx: InDatabaseContext): Promise<Set<string>> {
  const { plan, recorder } = ctx;
  const candidates = plan.tools.filter((t) => t.error === null && t.resolved);
  const inPlan = new Set(candidates.map((t) => t.node.id));
  const connections = plan.connections.filter((c) => inPlan.has(c.from.tool) && inPlan.has(c.to.tool));
  // a tool joined to one that cannot run (a plan error) streams too: the planner sees it as streaming
  const nodes = plan.tools.map((t) => (inPlan.has(t.node.id) ? { ...t.node, config: t.config } : { ...t.node, plugin: '(not runnable)' }));
  const inDatabase = planInDatabase(nodes, plan.connections, duckdbDialect, ctx.workflowDir);
  for (const [toolId, reason] of inDatabase.streaming) recorder.engine(toolId, 'streaming', `streams: ${reason}`);
  const parts = inDatabase.parts.map((part) => ({
    tools: nodes.filter((n) => part.tools.includes(n.id)),
    connections: connections.filter((c) => part.tools.includes(c.from.tool)),
  }));
  const settled = new Set<string>();
  if (parts.length === 0) return settled;
  for (const part of parts) for (const tool of part.tools) recorder.setStatus(tool.id, 'running');
  let outcomes: PartOutcome[];
  try {
    outcomes = await runWorker({ parts, workflowDir: ctx.workflowDir, tempDirectory: ctx.tempDirectory, memoryLimitMb: ctx.memoryLimitMb, previewRows: ctx.previewRows }, ctx.signal);
  } catch (error) {
    for (const part of parts) for (const tool of part.tools) recorder.fail(tool.id, `in-database: ${(error as Error).message}`);
    for (const part of parts) for (const tool of part.tools) settled.add(tool.id);
    return settled;
  }
  parts.forEach((part, i) => {
    const outcome = outcomes[i];
    if (!outcome.ok && outcome.error.phase !== 'write') {
      // nothing was written: the part streams instead, and says why
      for (const tool of part.tools) {
        recorder.setStatus(tool.id, 'pending');
        recorder.engine(tool.id, 'streaming', `streams: the database refused the part (${outcome.error.toolId ?? 'in-database'}: ${outcome.error.message})`);
      }
      return;
    }
    for (const tool of part.tools) {
      settled.add(tool.id);
      recorder.engine(tool.id, 'in-database', null);
    }
    if (!outcome.ok) {
      for (const tool of part.tools) {
        if (tool.id === outcome.error.toolId) recorder.fail(tool.id, outcome.error.message);
        else recorder.setStatus(tool.id, 'cancelled');
      }
      return;
    }
    for (const anchor of outcome.anchors) {
      recorder.anchorOpened(anchor.toolId, anchor.anchor, anchor.metadata);
      recorder.anchorRecords(anchor.toolId, anchor.anchor, anchor.records);
      recorder.anchorPreview(anchor.toolId, anchor.anchor, anchor.preview, anchor.records > anchor.preview.length, ctx.previewRows);
    }
    const first = part.tools[0].id;
    recorder.message(first, 'info', `ran in DuckDB with ${part.tools.length - 1} more tool(s) in ${Math.round(outcome.ms)} ms (counting the rows of every anchor: ${Math.round(outcome.countMs)} ms)`);
    for (const tool of part.tools) recorder.setStatus(tool.id, 'ok');
  });
  return settled;
}

/** the plan without the tools the database ran (their parts have no connection to the rest) */
export function withoutTools(plan: RunPlan, ran: Set<string>): RunPlan {
  const tools = plan.tools.filter((t) => !ran.has(t.node.id));
  return {
    ...plan,
    tools,
    byId: new Map(tools.map((t) => [t.node.id, t])),
    connections: plan.connections.filter((c) => !ran.has(c.from.tool) && !ran.has(c.to.tool)),
  };
}
