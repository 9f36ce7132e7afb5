/**
 * Warm tool-host workers. A worker costs ~45–70 ms to start with apache-arrow loaded, so idle ones
 * are kept and reused across runs; a worker whose tool faulted is terminated, never reused.
 * Idle workers are unref'd, so they never keep a process alive on their own.
 */
import { Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import { compiledSibling } from '../compiledPath.js';
import type { HostToWorker, WorkerToHost } from './protocol.js';
import { describeMessage, isWorkerToHost } from './protocolCheck.js';

const workerFile = compiledSibling(import.meta.url, 'worker/toolHostWorker.js');

export interface WorkerExit {
  outOfMemory: boolean;
  error: Error | null;
  /** the worker's exit code (a plugin calling process.exit(n) ends its worker with n) */
  code?: number;
}

/** why a worker ended, for a tool's error message */
export function describeExit(exit: WorkerExit): string {
  if (exit.outOfMemory) return 'out of memory: the tool used more memory than its worker may have';
  if (exit.error) return `the tool host stopped unexpectedly: ${exit.error.message}`;
  return `the tool host stopped unexpectedly${exit.code !== undefined ? ` (exit code ${exit.code}: did the tool call process.exit()?)` : ''}`;
}

export class ToolHost {
  readonly worker: Worker;
  readonly ready: Promise<void>;
  exited: WorkerExit | null = null;
  private onMessage: ((message: WorkerToHost) => void) | null = null;
  private onExit: ((exit: WorkerExit) => void) | null = null;
  /** the job's private port (full runs): the only place its protocol messages may come from */
  private control: MessagePort | null = null;
  private lastError: Error | null = null;

  constructor(resourceLimits: ResourceLimits) {
    // a plugin's console.log must not reach the host's stdout (`weft run --json` prints one JSON
    // object there): the worker's stdout and stderr both go to the host's stderr
    this.worker = new Worker(workerFile, { resourceLimits, stdout: true, stderr: true });
    this.worker.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    this.worker.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    let markReady: () => void = () => {};
    let markFailed: (error: Error) => void = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    this.ready.catch(() => {});
    this.worker.on('message', (message: unknown) => {
      if (this.control) {
        // a full-run job talks over its private port: anything on the parent port came from plugin code
        this.onMessage?.({ type: 'failed', phase: 'host', message: `the tool posted an unexpected message to the tool host: ${describeMessage(message)}` });
      } else this.receive(message, markReady);
    });
    this.worker.on('error', (error) => {
      this.lastError = error;
    });
    this.worker.on('exit', (code: number) => {
      const error = this.lastError;
      const outOfMemory = (error as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.exited = { outOfMemory, error, code };
      markFailed(error ?? new Error('the tool host stopped before it was ready'));
      this.onExit?.(this.exited);
    });
  }

  private receive(message: unknown, markReady?: () => void): void {
    if (!isWorkerToHost(message)) {
      // plugin code shares the worker and may post junk: fail the tool, not the host
      this.onMessage?.({ type: 'failed', phase: 'host', message: `the tool posted an unexpected message to the tool host: ${describeMessage(message)}` });
    } else if (message.type === 'ready') markReady?.();
    else this.onMessage?.(message);
  }

  /**
   * Attaches the job's listeners (one job at a time). With `control` (the host's end of the job's
   * private channel, whose other end went to the worker in `start-tool`), protocol messages are
   * taken from that port only; a message on the worker's parent port then fails the tool, so a
   * plugin cannot pass off a `done` or an `anchor-closed` as the host's own.
   */
  attach(onMessage: (message: WorkerToHost) => void, onExit: (exit: WorkerExit) => void, control?: MessagePort): void {
    this.onMessage = onMessage;
    this.onExit = onExit;
    if (control) {
      this.control = control;
      control.on('message', (message: unknown) => {
        if (this.control === control) this.receive(message);
      });
    }
    this.worker.ref();
  }

  detach(): void {
    this.onMessage = null;
    this.onExit = null;
    this.closeControl();
    this.worker.unref();
  }

  private closeControl(): void {
    this.control?.close();
    this.control = null;
  }

  /**
   * Sends a message. Throws when a port in `transfer` can no longer be sent: a connection port whose
   * other end was closed (its worker exited) is detached, and postMessage throws DataCloneError.
   */
  post(message: HostToWorker, transfer?: ReadonlyArray<import('node:worker_threads').TransferListItem>): void {
    if (!this.exited) this.worker.postMessage(message, transfer);
  }

  terminate(): Promise<number> {
    this.onMessage = null;
    this.onExit = null;
    this.closeControl();
    return this.worker.terminate();
  }
}

/**
 * Per tool-host worker. The young generation is capped at 4 MB: left alone, each worker's new space
 * grows to tens of MB of slack while it streams packets (their bytes live off-heap in Arrow
 * buffers, so a small new space costs little). Measured at 5M rows: streaming peak RSS 286-294 ->
 * 261-268 MB, pipeline 322 -> 290-294 MB, user CPU within the noise (docs/performance.md).
 */
export const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 2048, maxYoungGenerationSizeMb: 4 };

export class WorkerPool {
  private readonly idle: ToolHost[] = [];
  /** warmed workers not ready yet: `acquire` takes one of these before starting another */
  private readonly starting = new Set<ToolHost>();
  private disposed = false;

  constructor(private readonly resourceLimits: ResourceLimits = DEFAULT_RESOURCE_LIMITS, private readonly maxIdle = 8) {}

  /** a ready worker: an idle warm one, else one already starting, else a new one */
  async acquire(): Promise<ToolHost> {
    while (this.idle.length > 0) {
      const host = this.idle.pop()!;
      if (!host.exited) return host;
    }
    for (const host of this.starting) {
      this.starting.delete(host);
      try {
        await host.ready;
        return host;
      } catch {
        // it stopped while starting: take the next one or start one
      }
    }
    const host = new ToolHost(this.resourceLimits);
    await host.ready;
    return host;
  }

  /** a worker whose tool finished cleanly goes back to the pool; any other is terminated */
  release(host: ToolHost, clean: boolean): void {
    host.detach();
    if (clean && !host.exited && !this.disposed && this.idle.length < this.maxIdle) this.idle.push(host);
    else void host.terminate();
  }

  /**
   * starts workers ahead of need, so the first run does not pay for them; `weft run` calls it
   * before it loads the engine, so the workers start while the command reads plugins and the workflow
   */
  warm(count: number): void {
    if (this.disposed) return;
    for (let i = this.idle.length + this.starting.size; i < Math.min(count, this.maxIdle); i++) {
      const host = new ToolHost(this.resourceLimits);
      host.worker.unref();
      this.starting.add(host);
      host.ready.then(() => {
        if (!this.starting.delete(host)) return;
        if (this.disposed) void host.terminate();
        else this.idle.push(host);
      }, () => this.starting.delete(host));
    }
  }

  get idleCount(): number {
    return this.idle.length;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const all = [...this.idle.splice(0), ...this.starting];
    this.starting.clear();
    await Promise.all(all.map((h) => h.terminate()));
  }
}
