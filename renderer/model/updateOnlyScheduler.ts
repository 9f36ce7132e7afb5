/**
 * Schedules update-only runs: edits are debounced (typing), and a newer request supersedes an
 * older one, whose result is then ignored even if it arrives later.
 */
import type { RunSummary } from '../../shared/runEvents.js';
import type { Workflow } from '../../shared/workflow.js';

export type UpdateOnlyRunner = (workflow: Workflow, workflowPath: string | null) => Promise<RunSummary>;

export interface UpdateOnlyListener {
  onResult(summary: RunSummary): void;
  onError(error: unknown): void;
}

export const TYPING_DEBOUNCE_MS = 150;

export class UpdateOnlyScheduler {
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly run: UpdateOnlyRunner,
    private readonly listener: UpdateOnlyListener,
  ) {}

  /** Asks for an update-only run of `workflow` after `delayMs`; any earlier request is superseded. */
  request(workflow: Workflow, workflowPath: string | null, delayMs: number): void {
    const generation = ++this.generation;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start(generation, workflow, workflowPath);
    }, delayMs);
  }

  /** Drops any pending request and any result still to come. */
  cancel(): void {
    this.generation += 1;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** True while `generation` is the newest request (its result is still wanted). */
  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  private async start(generation: number, workflow: Workflow, workflowPath: string | null): Promise<void> {
    try {
      const summary = await this.run(workflow, workflowPath);
      if (this.isCurrent(generation)) this.listener.onResult(summary);
    } catch (error) {
      if (this.isCurrent(generation)) this.listener.onError(error);
    }
  }
}
