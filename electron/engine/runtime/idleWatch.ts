/**
 * The idle limit of a full run: when for `limitMs` no tool sent anything (no records counted, no
 * message, no anchor opened or closed, no service call) and no tool's worker was busy, the run is
 * stuck, e.g. on an `onComplete` whose promise never settles, and `onIdle` is called once.
 * "Busy" is the worker's event-loop utilization: a tool computing for minutes without a word (a big
 * sort, a join) is working, not idle, and a tool awaiting a promise that never settles has an idle
 * event loop. Workers exchange packets directly, so records flowing show up as the producer's
 * record counts (sent every 100 ms while it writes).
 */
import type { EventLoopUtilization } from 'node:perf_hooks';
import type { ToolHost } from './workerPool.js';

/** share of a check interval a worker's event loop must have been active to count as working */
const BUSY_SHARE = 0.1;

export class IdleWatch {
  private lastProgress = performance.now();
  private samples = new Map<ToolHost, EventLoopUtilization>();
  private readonly timer: NodeJS.Timeout;
  private readonly everyMs: number;

  /** `starting`: tools waiting for a worker to start (the host is busy for them) */
  constructor(
    private readonly limitMs: number,
    private readonly hosts: () => Iterable<ToolHost>,
    private readonly starting: () => number,
    private readonly onIdle: () => void,
  ) {
    this.everyMs = Math.max(20, Math.min(1000, limitMs / 4));
    this.timer = setInterval(() => this.check(), this.everyMs);
    this.timer.unref();
  }

  /** a tool sent something */
  progress(): void {
    this.lastProgress = performance.now();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    if (this.starting() > 0) this.progress();
    const samples = new Map<ToolHost, EventLoopUtilization>();
    for (const host of this.hosts()) {
      if (host.exited) continue;
      const now = host.worker.performance.eventLoopUtilization();
      const before = this.samples.get(host);
      if (before && now.active - before.active > this.everyMs * BUSY_SHARE) this.progress();
      samples.set(host, now);
    }
    this.samples = samples;
    if (performance.now() - this.lastProgress >= this.limitMs) {
      this.stop();
      this.onIdle();
    }
  }
}
