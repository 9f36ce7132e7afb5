/**
 * The scheduler of a full run. Each runnable tool gets a warm tool-host worker; each connection
 * gets its own MessageChannel whose two ports go to the producer's and the consumer's workers, so
 * records flow worker → worker and never through here. This side only follows control events
 * (opened, records, messages, done, failed), serves plugin services, and enforces faults:
 * a failed tool's downstream is cancelled, a timeout stops what still runs, a cancel stops all.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { RunSummary } from '../../../shared/runEvents.js';
import type { PluginServices } from '../hostContracts.js';
import type { AnchorCacheRun } from './anchorCache/anchorCacheRun.js';
import { DEFAULT_CREDIT, type FullToolJob, type WorkerToHost } from './protocol.js';
import { downstreamOf, type PlannedTool, type RunPlan } from './runPlan.js';
import type { RunRecorder } from './runRecorder.js';
import { IdleWatch } from './idleWatch.js';
import { MemoryWatch } from './memoryWatch.js';
import { serviceCallerOf, toolJobBase } from './plannedToolJob.js';
import type { ConnectionLookup } from './toolConnections.js';
import { answerServiceRequest } from './serviceHost.js';
import { ToolMessageOrder } from './toolMessageOrder.js';
import { ToolStarts } from './toolStarts.js';
import { describeExit, type ToolHost, type WorkerExit, type WorkerPool } from './workerPool.js';

export interface FullRunContext {
  plan: RunPlan;
  recorder: RunRecorder;
  pool: WorkerPool;
  services: PluginServices;
  workflowDir: string | null;
  weftVersion: string;
  tempRoot: string;
  connections?: ConnectionLookup;
  previewRows: number;
  timeoutMs?: number;
  /** stop the run when no tool made progress for this long (IdleWatch); absent: no limit */
  idleTimeoutMs?: number;
  signal?: AbortSignal;
  credit?: number;
  /** tools running at once, beyond those running tools wait on (ToolStarts) */
  maxLiveTools: number;
  /** the process's resident memory past which the tool holding the most is stopped (MemoryWatch) */
  memoryLimitMb: number;
  /** keeps the outputs in the anchor cache, and replays cached tools (anchorCache/anchorCacheRun.ts) */
  cache?: AnchorCacheRun;
}

const START_RETRIES = 50;
const START_RETRY_MS = 20;

export function runFull(ctx: FullRunContext): Promise<RunSummary> {
  const { plan, recorder } = ctx;
  const hosts = new Map<string, ToolHost>();
  /** tools waiting for their worker */
  let starting = 0;
  let finished = false;
  let finish: (summary: RunSummary) => void = () => {};
  const done = new Promise<RunSummary>((resolve) => (finish = resolve));

  const stopTool = (toolId: string) => {
    const host = hosts.get(toolId);
    hosts.delete(toolId);
    if (host) void host.terminate();
    // producers feeding this tool must not wait for credit it will never grant
    for (const anchor of plan.byId.get(toolId)?.inputs ?? []) {
      for (const c of anchor.connections) hosts.get(c.from.tool)?.post({ type: 'drop-output', connectionId: c.id });
    }
  };
  const cancelDownstream = (toolId: string) => {
    for (const id of downstreamOf(plan, toolId)) {
      if (recorder.setStatus(id, 'cancelled')) stopTool(id);
    }
  };
  const failTool = (toolId: string, message: string) => {
    recorder.fail(toolId, message);
    stopTool(toolId);
    cancelDownstream(toolId);
    checkFinished();
  };
  const checkFinished = (cancelled = false) => {
    if (finished || (!cancelled && !recorder.allSettled)) return;
    finished = true;
    recorder.onSettled = null;
    clearTimeout(timer);
    idle?.stop();
    memory.stop();
    ctx.signal?.removeEventListener('abort', onAbort);
    for (const id of [...hosts.keys()]) stopTool(id);
    finish(recorder.finish(cancelled));
  };

  const onAbort = () => {
    if (finished) return;
    for (const tool of plan.tools) if (recorder.setStatus(tool.node.id, 'cancelled')) stopTool(tool.node.id);
    checkFinished(true);
  };
  /** the tools still running fail with `reason`; those waiting on them are cancelled */
  const stopUnfinished = (reason: string) => {
    const open = plan.tools.filter((t) => !recorder.isSettled(t.node.id));
    const waiting = new Set(open.filter((t) => [...t.upstream].some((u) => !recorder.isSettled(u))));
    for (const tool of open) {
      if (waiting.has(tool)) continue;
      recorder.fail(tool.node.id, reason);
      stopTool(tool.node.id);
    }
    for (const tool of waiting) if (recorder.setStatus(tool.node.id, 'cancelled')) stopTool(tool.node.id);
    checkFinished();
  };
  const onTimeout = () => stopUnfinished(`timeout: the run did not finish within ${ctx.timeoutMs} ms`);
  const timer = ctx.timeoutMs !== undefined ? setTimeout(onTimeout, ctx.timeoutMs) : undefined;
  const idleSeconds = (ctx.idleTimeoutMs ?? 0) / 1000;
  const idle = ctx.idleTimeoutMs !== undefined ? new IdleWatch(ctx.idleTimeoutMs, () => hosts.values(), () => starting, () => stopUnfinished(
    `idle: no tool made progress for ${idleSeconds} s (no records, no messages, no work in any tool), so the run was stopped; `
    + 'a tool may be waiting on something that never happens. Change the limit with weft run --idle-timeout SECONDS (0: no limit)',
  )) : undefined;
  if (ctx.signal?.aborted) queueMicrotask(onAbort);
  else ctx.signal?.addEventListener('abort', onAbort, { once: true });

  for (const tool of plan.tools) {
    if (tool.error && !recorder.isSettled(tool.node.id)) {
      recorder.fail(tool.node.id, tool.error);
      cancelDownstream(tool.node.id);
    }
  }
  ctx.cache?.settleFromCache(recorder, ctx.previewRows);
  const ports = wireConnections(ctx);
  const connectionsById = new Map(plan.connections.map((c) => [c.id, c]));
  const starts = new ToolStarts(plan, ctx.maxLiveTools, (id) => recorder.isSettled(id), (tool) => void startTool(tool));
  const memory = new MemoryWatch(ctx.memoryLimitMb, (toolId, message) => failTool(toolId, message));
  recorder.onSettled = (id) => {
    memory.forget(id);
    starts.settled(id);
  };
  starts.begin();
  checkFinished();
  return done;

  async function startTool(tool: PlannedTool, attempt = 0): Promise<void> {
    const toolId = tool.node.id;
    let host: ToolHost;
    starting++;
    try {
      host = await ctx.pool.acquire();
    } catch (error) {
      failTool(toolId, `could not start a tool host: ${error instanceof Error ? error.message : String(error)}`);
      return;
    } finally {
      starting--;
    }
    if (finished || recorder.isSettled(toolId)) {
      ctx.pool.release(host, true);
      return;
    }
    const control = new MessageChannel();
    const replay = ctx.cache?.sourceOf(toolId) === 'replay' ? ctx.cache.replayJob(tool, ports, (id) => !recorder.isSettled(id)) : null;
    const job = replay ? null : toolJob(tool, ports);
    const transfer: MessagePort[] = (replay ? replay.outputs : [...job!.inputs, ...job!.outputs]).flatMap((a) => a.connections.map((c) => c.port));
    try {
      if (replay) host.post({ type: 'replay-tool', job: replay, control: control.port2 }, [...transfer, control.port2]);
      else host.post({ type: 'start-tool', job: job!, control: control.port2 }, [...transfer, control.port2]);
    } catch (error) {
      // A connection port whose other end's worker just exited is detached and cannot be sent; that
      // tool's exit is about to be processed (cancelling this tool or leaving the connection out).
      // Nothing was sent: try again shortly, and fail only if it persists.
      ctx.pool.release(host, true);
      control.port1.close();
      if (attempt >= START_RETRIES) {
        failTool(toolId, `could not start the tool: ${error instanceof Error ? error.message : String(error)}`);
      } else {
        setTimeout(() => {
          if (!finished && !recorder.isSettled(toolId)) void startTool(tool, attempt + 1);
        }, START_RETRY_MS);
      }
      return;
    }
    hosts.set(toolId, host);
    memory.started(toolId);
    const order = new ToolMessageOrder(tool.outputs.map((o) => o.anchor));
    host.attach((message) => {
      if (message.type !== 'memory') idle?.progress(); // memory reports come on a timer, even from a hung tool
      const wrong = order.check(message);
      if (wrong) failTool(toolId, `the tool broke the tool host's protocol: it ${wrong}`);
      else onWorkerMessage(tool, host, message);
    }, (exit) => onWorkerExit(toolId, exit), control.port1);
    recorder.setStatus(toolId, 'running');
  }

  function onWorkerMessage(tool: PlannedTool, host: ToolHost, message: WorkerToHost): void {
    const toolId = tool.node.id;
    ctx.cache?.observe(tool, message);
    switch (message.type) {
      case 'service':
        void answerServiceRequest(ctx.services, serviceCallerOf(tool, recorder), host, message.id, message.method, message.args);
        return;
      case 'message': return recorder.message(toolId, message.level, message.text);
      case 'progress': return recorder.progress(toolId, message.fraction);
      case 'memory': return memory.report(toolId, message.bytes);
      case 'needs-consumer': {
        const consumer = connectionsById.get(message.connectionId)?.to.tool;
        if (consumer !== undefined) starts.need(consumer);
        return;
      }
      case 'anchor-opened': return recorder.anchorOpened(toolId, message.anchor, message.metadata);
      case 'anchor-records': return recorder.anchorRecords(toolId, message.anchor, message.records);
      case 'anchor-closed':
        recorder.anchorRecords(toolId, message.anchor, message.records);
        recorder.anchorPreview(toolId, message.anchor, message.preview, message.truncated, ctx.previewRows);
        return;
      case 'failed': return failTool(toolId, message.message);
      case 'done':
        hosts.delete(toolId);
        ctx.pool.release(host, message.reusable !== false);
        recorder.setStatus(toolId, 'ok');
        checkFinished();
        return;
    }
  }

  function onWorkerExit(toolId: string, exit: WorkerExit): void {
    if (!hosts.has(toolId) || recorder.isSettled(toolId)) return;
    hosts.delete(toolId);
    failTool(toolId, describeExit(exit));
  }

  function toolJob(tool: PlannedTool, channelPorts: Map<string, { producer: MessagePort; consumer: MessagePort }>): FullToolJob {
    return {
      ...toolJobBase(tool, recorder.runId, ctx),
      previewRows: ctx.previewRows,
      credit: ctx.credit ?? DEFAULT_CREDIT,
      cache: ctx.cache?.jobCache(tool),
      inputs: tool.inputs.map((a) => ({
        anchor: a.anchor,
        connections: a.connections.filter((c) => channelPorts.has(c.id)).map((c) => ({ name: c.name, port: channelPorts.get(c.id)!.consumer })),
      })),
      outputs: tool.outputs.map((a) => ({
        anchor: a.anchor,
        // a consumer that already failed or was cancelled will never grant credit: leave it out
        connections: a.connections.filter((c) => channelPorts.has(c.id) && !recorder.isSettled(c.to.tool))
          .map((c) => ({ id: c.id, port: channelPorts.get(c.id)!.producer })),
      })),
    };
  }
}

/** one MessageChannel per connection between two tools that will both run (or whose producer replays into a tool that runs) */
function wireConnections(ctx: FullRunContext): Map<string, { producer: MessagePort; consumer: MessagePort }> {
  const ports = new Map<string, { producer: MessagePort; consumer: MessagePort }>();
  for (const c of ctx.plan.connections) {
    if (ctx.recorder.isSettled(c.from.tool) || ctx.recorder.isSettled(c.to.tool)) continue;
    if (ctx.cache && !ctx.cache.runs(c.to.tool)) continue;
    const { port1, port2 } = new MessageChannel();
    ports.set(c.id, { producer: port1, consumer: port2 });
  }
  return ports;
}
