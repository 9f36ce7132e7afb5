/**
 * Memory outside the heap. Each worker's `resourceLimits` bound its V8 heap only: a plugin holding
 * gigabytes of ArrayBuffers (or Arrow buffers, or native memory) is not stopped by them, and once the
 * machine runs out the OS kills the whole app. So each running tool reports what its worker holds
 * (heap used + external memory, which counts ArrayBuffers: `{type:'memory'}` every 250 ms and just
 * before `done`), and the host checks the process's resident memory against a limit: past it, the
 * tool holding the most is stopped with a message saying so. A tool allocating in one synchronous
 * burst cannot report while it does: when the largest report explains less than half of the
 * process's memory and a tool has gone silent (no report for a second: its event loop is blocked),
 * the silent one is stopped instead.
 */
import os from 'node:os';

const CHECK_EVERY_MS = 250;
/** a worker that has not reported for this long is busy in synchronous code */
const SILENT_MS = 1000;
/** after stopping a tool, time for its worker to end and give its memory back before blaming another */
const RELEASE_MS = 2000;
const MB = 1024 * 1024;

/** 80 % of the machine's memory (or of the container's limit, when lower) */
export function defaultMemoryLimitMb(): number {
  const constrained = process.constrainedMemory?.() ?? 0;
  const total = constrained > 0 && constrained < os.totalmem() ? constrained : os.totalmem();
  return Math.floor((total * 0.8) / MB);
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / (1024 * MB)).toFixed(1)} GB` : `${Math.round(bytes / MB)} MB`;
}

export class MemoryWatch {
  private readonly held = new Map<string, { bytes: number; at: number }>();
  private readonly timer: NodeJS.Timeout;
  private quietUntil = 0;
  /** when the process's memory was first seen past the limit since the last blame */
  private overSince = Infinity;

  constructor(
    private readonly limitMb: number,
    private readonly onExceeded: (toolId: string, message: string) => void,
    private readonly rss: () => number = () => process.memoryUsage.rss(),
  ) {
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** a tool got its worker (it reports from now on) */
  started(toolId: string): void {
    this.held.set(toolId, { bytes: 0, at: performance.now() });
  }

  /** what a tool's worker holds now; checked at once */
  report(toolId: string, bytes: number): void {
    this.held.set(toolId, { bytes, at: performance.now() });
    this.check();
  }

  /** the tool ended: its worker's memory is no longer its own */
  forget(toolId: string): void {
    this.held.delete(toolId);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  check(): void {
    if (performance.now() < this.quietUntil) return;
    const rss = this.rss();
    if (rss <= this.limitMb * MB || this.held.size === 0) {
      this.overSince = Infinity;
      return;
    }
    const now = performance.now();
    this.overSince = Math.min(this.overSince, now);
    let largest = '';
    let most = -1;
    let silent = '';
    let silentSince = Infinity;
    for (const [id, { bytes, at }] of this.held) {
      if (bytes > most) [largest, most] = [id, bytes];
      if (now - at > SILENT_MS && at < silentSince) [silent, silentSince] = [id, at];
    }
    const blameSilent = most < rss / 2 && silent !== '';
    // no report explains the growth and nobody is silent yet: a tool is mid-burst (it will report or
    // go silent within SILENT_MS); blaming the largest small reporter now would stop the wrong tool
    if (most < rss / 2 && silent === '' && now - this.overSince < 2 * SILENT_MS) return;
    this.quietUntil = now + RELEASE_MS;
    this.overSince = Infinity;
    const toolId = blameSilent ? silent : largest;
    this.held.delete(toolId);
    const over = `out of memory: the app's memory (${formatBytes(rss)}) passed its limit of ${formatBytes(this.limitMb * MB)}`;
    const why = blameSilent
      ? `, and this tool had been busy without a word for ${((now - silentSince) / 1000).toFixed(1)} s while the memory grew`
      : `, and this tool held the most of any running tool (${formatBytes(most)} of heap and buffers)`;
    this.onExceeded(toolId, `${over}${why}, so it was stopped before the system ran out of memory. `
      + 'Process less data at once, or raise the limit with WEFT_MEMORY_LIMIT_MB');
  }
}
