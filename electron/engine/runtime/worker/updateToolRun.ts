/**
 * One tool of an update-only run, inside the warm update-only host: constructor, then
 * onInputConnectionOpened for each connection whose upstream opened its anchor. Output anchors
 * only record their metadata; records written here are discarded silently.
 */
import type { Metadata } from '../../../../shared/metadata.js';
import type { ToolMessage } from '../../../../shared/runEvents.js';
import type { InputAnchor, OutputAnchor, Plugin } from '../../../../shared/sdk/plugin.js';
import type { UpdateToolJob, UpdateToolResult, WorkerToHost } from '../protocol.js';
import { WorkerInputConnection } from './inputConnection.js';
import { loadPluginClass } from './pluginModule.js';
import { createProvider } from './provider.js';
import type { ServiceClient } from './serviceClient.js';
import { metadataToOpen } from './anchorOpen.js';
import { FailureState, type Failure } from './toolFailure.js';
import { setActiveTool } from './activeTool.js';
import { openedLateWarning, waitForStrayWork } from './strayWork.js';

class UpdateOutputAnchor implements OutputAnchor {
  metadata: Metadata | null = null;
  /** set once the tool's last method returned: an open() after that came from work left un-awaited */
  methodsReturned = false;
  openedLate = false;
  constructor(readonly name: string, private readonly failure: FailureState) {}

  get isOpen(): boolean {
    return this.metadata !== null;
  }

  open(metadata: Metadata): void {
    const opened = metadataToOpen(this.name, this.metadata, metadata, this.failure);
    if (!opened) return;
    this.metadata = opened;
    this.openedLate = this.methodsReturned;
  }

  /** nothing receives packets in an update-only run */
  readonly connections = 0;
  readonly previewRowsWanted = 0;

  write(): Promise<void> {
    return Promise.resolve();
  }

  skip(records: number): void {
    if (!Number.isSafeInteger(records) || records < 0) {
      this.failure.violation('skip', `output anchor '${this.name}': skip() takes a count of rows (a whole number ≥ 0), not ${String(records)}`);
    }
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

export async function runUpdateTool(
  requestId: number, job: UpdateToolJob, services: ServiceClient, _post: (message: WorkerToHost) => void,
): Promise<UpdateToolResult> {
  const messages: ToolMessage[] = [];
  let failed: Failure | null = null;
  const failure = new FailureState((f) => (failed = f));
  const collect = (message: WorkerToHost) => {
    if (message.type === 'message') messages.push({ level: message.level, text: message.text });
  };
  const connections: WorkerInputConnection[] = [];
  const inputs = new Map<string, InputAnchor>();
  for (const anchor of job.inputs) {
    const list = anchor.connections.map((c) => {
      const connection = new WorkerInputConnection(c.name, anchor.anchor, null);
      if (c.metadata) {
        connection.metadata = c.metadata;
        connection.opened = true;
      }
      return connection;
    });
    connections.push(...list);
    inputs.set(anchor.anchor, Object.freeze({ name: anchor.anchor, connections: list }));
  }
  const anchors = job.outputs.map((name) => new UpdateOutputAnchor(name, failure));
  const { provider, retire } = createProvider({
    job, updateOnly: true, inputs, outputs: new Map(anchors.map((a) => [a.name, a])), services, failure, post: collect,
  });
  setActiveTool(failure);
  await drive();
  for (const anchor of anchors) anchor.methodsReturned = true;
  await waitForStrayWork(failure);
  setActiveTool(null);
  for (const anchor of anchors) {
    if (anchor.openedLate) messages.push({ level: 'warn', text: openedLateWarning(anchor.name) });
  }
  retire();
  const outputs: Record<string, Metadata> = {};
  if (!failed) for (const anchor of anchors) if (anchor.metadata) outputs[anchor.name] = anchor.metadata;
  return { requestId, failure: failed, outputs, messages };

  async function drive(): Promise<void> {
    let instance: Plugin;
    try {
      const PluginClass = await loadPluginClass(job.entryPath);
      try {
        instance = new PluginClass(provider);
      } catch (error) {
        return failure.fromError('constructor', error);
      }
    } catch (error) {
      return failure.fromError('load', error);
    }
    for (const connection of connections) {
      if (failure.failed) return;
      if (!connection.opened || typeof instance.onInputConnectionOpened !== 'function') continue;
      try {
        await instance.onInputConnectionOpened(connection);
      } catch (error) {
        failure.fromError('onInputConnectionOpened', error);
      }
    }
  }
}
