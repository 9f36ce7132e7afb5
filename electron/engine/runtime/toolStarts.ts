/**
 * When each tool of a full run gets its worker. A worker costs ~10 MB and a start, so a 1,000-tool
 * workflow must not hold 1,000 of them; but a bounded pool must never leave a running tool waiting
 * on a tool that cannot start. The rule (docs/architecture.md, "When a tool gets a worker"):
 * - **Needed now, whatever the bound:** the consumer of a connection on which a packet waits (its
 *   producer asked: `needs-consumer`), and every upstream tool, transitively, of a tool that runs
 *   (it waits on their records). These are what running tools wait on, so running tools always
 *   make progress, and finish.
 * - **When there is room** (fewer than `maxLive` tools running): the next tool in topological
 *   order, so the tools nearest the sources start first, and a workflow of a few tools starts all
 *   at once.
 * A tool far below the running ones holds no worker until records reach it or room frees up: a
 * chain of streaming tools runs as a window of a few workers sliding down the chain, each released
 * (back to the warm pool) when its tool completes.
 */
import type { PlannedTool, RunPlan } from './runPlan.js';

export class ToolStarts {
  private readonly started = new Set<string>();
  /** the next tool, in topological order, to start when there is room */
  private next = 0;
  private live = 0;

  constructor(
    private readonly plan: RunPlan,
    private readonly maxLive: number,
    private readonly isSettled: (toolId: string) => boolean,
    private readonly start: (tool: PlannedTool) => void,
  ) {}

  /** as many tools start as there is room for */
  begin(): void {
    this.pump();
  }

  /** starts `toolId` now (a running tool waits on it), and what it waits on in turn */
  need(toolId: string): void {
    const stack = [toolId];
    while (stack.length > 0) {
      const tool = this.plan.byId.get(stack.pop()!);
      if (!tool || !this.launch(tool)) continue;
      for (const upstream of tool.upstream) if (!this.started.has(upstream)) stack.push(upstream);
    }
  }

  /** a tool finished, failed or was cancelled: its room goes to the next tool */
  settled(toolId: string): void {
    if (this.started.has(toolId)) this.live--;
    this.pump();
  }

  /** tools started and not settled */
  get running(): number {
    return this.live;
  }

  private pump(): void {
    const tools = this.plan.tools;
    while (this.live < this.maxLive && this.next < tools.length) this.need(tools[this.next++].node.id);
  }

  /** false when the tool already started or no longer needs to */
  private launch(tool: PlannedTool): boolean {
    const id = tool.node.id;
    if (this.started.has(id) || this.isSettled(id)) return false;
    this.started.add(id);
    this.live++;
    this.start(tool);
    return true;
  }
}
