/**
 * The warm update-only host: one worker, kept alive between edits, that runs update-only tools one
 * after another (no worker start per tool per keystroke). A watchdog guards each tool: one that
 * takes longer than `watchdogMs` is reported as timed out and the worker is replaced.
 */
import type { ResourceLimits } from 'node:worker_threads';
import type { PluginServices } from '../hostContracts.js';
import type { UpdateToolJob, UpdateToolResult, WorkerToHost } from './protocol.js';
import { answerServiceRequest, type ServiceCaller } from './serviceHost.js';
import { ToolHost, type WorkerExit } from './workerPool.js';

export type UpdateOutcome =
  | { kind: 'result'; result: UpdateToolResult }
  | { kind: 'timeout' }
  | { kind: 'crashed'; exit: WorkerExit };

export class UpdateOnlyHost {
  private host: ToolHost | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextRequest = 1;
  private disposed = false;

  constructor(private readonly resourceLimits: ResourceLimits, private readonly services: PluginServices) {}

  /** starts the worker ahead of the first edit */
  warm(): void {
    this.ensureHost().ready.catch(() => {});
  }

  /** runs one tool; requests are served in order, one at a time */
  runTool(job: UpdateToolJob, caller: ServiceCaller, watchdogMs: number): Promise<UpdateOutcome> {
    const outcome = this.queue.then(() => this.serve(job, caller, watchdogMs));
    this.queue = outcome.catch(() => {});
    return outcome;
  }

  private ensureHost(): ToolHost {
    if (!this.host || this.host.exited) {
      this.host = new ToolHost(this.resourceLimits);
      this.host.worker.unref();
    }
    return this.host;
  }

  private async serve(job: UpdateToolJob, caller: ServiceCaller, watchdogMs: number): Promise<UpdateOutcome> {
    if (this.disposed) throw new Error('the update-only host was disposed');
    const host = this.ensureHost();
    host.worker.ref(); // a run in progress keeps the process alive; detach() unrefs again
    try {
      await host.ready;
    } catch {
      this.host = null;
      return { kind: 'crashed', exit: host.exited ?? { outOfMemory: false, error: new Error('the update-only host did not start') } };
    }
    const requestId = this.nextRequest++;
    return new Promise<UpdateOutcome>((resolve) => {
      const settle = (outcome: UpdateOutcome) => {
        clearTimeout(watchdog);
        host.detach();
        resolve(outcome);
      };
      const watchdog = setTimeout(() => {
        this.replace(host);
        settle({ kind: 'timeout' });
      }, watchdogMs);
      host.attach((message: WorkerToHost) => {
        if (message.type === 'update-result' && message.requestId === requestId) settle({ kind: 'result', result: message });
        else if (message.type === 'service') void answerServiceRequest(this.services, caller, host, message.id, message.method, message.args);
        // anything else is junk a plugin posted on the worker's port (turned into 'failed' by ToolHost);
        // this worker serves many tools one after another and an async post may come from an earlier
        // one, so it is dropped rather than blamed on the tool running now
      }, (exit) => {
        if (this.host === host) this.host = null;
        settle({ kind: 'crashed', exit });
      });
      host.post({ type: 'update-tool', requestId, job });
    });
  }

  private replace(host: ToolHost): void {
    if (this.host === host) this.host = null;
    void host.terminate();
    if (!this.disposed) this.warm();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const host = this.host;
    this.host = null;
    if (host) await host.terminate();
  }
}
