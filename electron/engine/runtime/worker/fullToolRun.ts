/**
 * Drives one plugin instance through a full run (the SDK contract (docs/sdk.md)): constructor;
 * onInputConnectionOpened / onRecordPacket per connection event, in arrival order; onComplete
 * once every connection closed; then the open output anchors are closed. Each call's promise and
 * every write it started are awaited before the next call. After a failure nothing more is called.
 */
import type { InputAnchor, OutputAnchor, Plugin } from '../../../../shared/sdk/plugin.js';
import { decodePacket } from '../packets/packetWire.js';
import type { FullToolJob, WorkerToHost } from '../protocol.js';
import { InputQueue, WorkerInputConnection } from './inputConnection.js';
import { WorkerOutputAnchor } from './outputAnchor.js';
import { anchorCacheFiles } from './anchorCacheFile.js';
import { loadPluginClass } from './pluginModule.js';
import { createProvider } from './provider.js';
import type { ServiceClient } from './serviceClient.js';
import { FailureState } from './toolFailure.js';
import { setActiveTool } from './activeTool.js';
import { hasLingeringWork, neverOpenedWarning, waitForStrayWork } from './strayWork.js';

const MEMORY_REPORT_MS = 250;

export interface FullToolRun {
  drop(connectionId: string): void;
  finished: Promise<void>;
}

export function startFullToolRun(job: FullToolJob, services: ServiceClient, post: (message: WorkerToHost) => void): FullToolRun {
  // everything this tool posts goes through here, so nothing passes once its run has ended
  let live = true;
  const toolPost = (message: WorkerToHost) => {
    if (live) post(message);
  };
  const failure = new FailureState((f) => toolPost({ type: 'failed', ...f }));
  setActiveTool(failure);
  const queue = new InputQueue();
  const connections: WorkerInputConnection[] = [];
  const inputs = new Map<string, InputAnchor>();
  for (const anchor of job.inputs) {
    const list = anchor.connections.map((c) => new WorkerInputConnection(c.name, anchor.anchor, c.port));
    for (const connection of list) {
      connection.port!.on('message', (message) => queue.push({ connection, message }));
      connection.grant(job.credit);
    }
    connections.push(...list);
    inputs.set(anchor.anchor, Object.freeze({ name: anchor.anchor, connections: list }));
  }
  const cacheFiles = anchorCacheFiles(job, (text) => toolPost({ type: 'message', level: 'info', text }));
  const anchors = job.outputs.map((o, i) => new WorkerOutputAnchor(o.anchor, o.connections, job.previewRows, failure, toolPost, cacheFiles[i]));
  const outputs = new Map<string, OutputAnchor>(anchors.map((a) => [a.name, a]));
  const { provider, retire } = createProvider({ job, updateOnly: false, inputs, outputs, services, failure, post: toolPost });

  const settle = () => Promise.all(anchors.map((a) => a.settled()));
  // what this worker holds, for the host's memory watch (heap limits do not cover ArrayBuffers)
  const reportMemory = () => {
    const usage = process.memoryUsage();
    toolPost({ type: 'memory', bytes: usage.heapUsed + usage.external });
  };
  const memoryReports = setInterval(reportMemory, MEMORY_REPORT_MS);

  async function call(instance: Plugin, method: 'onInputConnectionOpened' | 'onRecordPacket' | 'onComplete', connection?: WorkerInputConnection): Promise<void> {
    const fn = instance[method];
    if (typeof fn !== 'function') return;
    try {
      await fn.call(instance, connection!);
      await settle();
    } catch (error) {
      failure.fromError(method, error);
    }
  }

  async function drive(): Promise<void> {
    let PluginClass;
    try {
      PluginClass = await loadPluginClass(job.entryPath);
    } catch (error) {
      failure.fromError('load', error);
      return;
    }
    let instance: Plugin;
    try {
      instance = new PluginClass(provider);
      await settle();
    } catch (error) {
      failure.fromError('constructor', error);
      return;
    }
    if (failure.failed) return;
    let open = connections.length;
    while (open > 0) {
      const { connection, message } = await queue.next();
      if (message.t === 'open') {
        connection.metadata = message.metadata;
        connection.opened = true;
        await call(instance, 'onInputConnectionOpened', connection);
      } else if (message.t === 'packet') {
        connection.current = decodePacket(message.wire, connection.metadata);
        await call(instance, 'onRecordPacket', connection);
        connection.current = null;
        connection.grant(1);
      } else if (message.t === 'close') {
        open--;
        connection.port?.close();
      }
      if (failure.failed) return;
    }
    await call(instance, 'onComplete');
    // the report timer is the host's, not the plugin's: stop it before waiting on the plugin's stray work
    clearInterval(memoryReports);
    if (failure.failed) return;
    await waitForStrayWork(failure);
    if (failure.failed) return;
    for (const anchor of anchors) {
      if (!anchor.isOpen && anchor.outgoing.some((c) => !c.dropped)) {
        toolPost({ type: 'message', level: 'warn', text: neverOpenedWarning(anchor.name) });
      }
    }
    try {
      for (const anchor of anchors) await anchor.close();
    } catch (error) {
      failure.fromError('close', error);
    }
    if (failure.failed) return;
    // a promise the plugin let reject (e.g. in its constructor) is reported as an unhandled rejection
    // only once the event loop turns: give it that turn, so the tool fails instead of finishing ok
    await new Promise((resolve) => setImmediate(resolve));
    if (failure.failed) return;
    reportMemory();
    live = false;
    retire();
    // a plugin that left timers or I/O running would act inside the next tool this worker hosts
    post({ type: 'done', reusable: !hasLingeringWork() });
  }

  const finished = drive().finally(() => {
    clearInterval(memoryReports);
    live = false;
    retire();
    setActiveTool(null);
    // a consumer closes its end after the last message; only dropped connections are left to close
    for (const anchor of anchors) for (const c of anchor.outgoing) if (c.dropped) c.port.close();
    if (failure.failed) {
      for (const c of connections) c.port?.close();
      for (const anchor of anchors) anchor.abandonCache();
    }
  });
  return { drop: (id) => anchors.forEach((a) => a.drop(id)), finished };
}
