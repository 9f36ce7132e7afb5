/**
 * The one place a run's outcome is written down: every change is emitted as a RunEvent and kept
 * for the RunSummary returned at the end (the shape of `weft run --json`).
 */
import type { Metadata } from '../../../shared/metadata.js';
import type {
  MessageLevel, PreviewRow, RunEvent, RunMode, RunStatus, RunSummary, ToolEngine, ToolRunSummary, ToolStatus,
} from '../../../shared/runEvents.js';
import { capPreview, capText, MAX_MESSAGES_PER_TOOL } from './messageLimits.js';

interface ToolRecord {
  status: ToolStatus;
  summary: ToolRunSummary;
  /** info and warn messages received, kept or not */
  notes: number;
  /** performance.now() when the tool started running */
  startedAt?: number;
}

export class RunRecorder {
  private readonly tools = new Map<string, ToolRecord>();
  private readonly started = performance.now();
  private settledTools = 0;
  /** called once per tool, when it reaches ok, error or cancelled */
  onSettled: ((toolId: string) => void) | null = null;

  constructor(
    readonly runId: string,
    readonly mode: RunMode,
    toolIds: string[],
    private readonly onEvent: ((event: RunEvent) => void) | undefined,
  ) {
    for (const id of toolIds) {
      this.tools.set(id, { status: 'pending', summary: { status: 'ok', messages: [], outputs: {}, results: [] }, notes: 0 });
    }
    this.emit({ type: 'run-started', runId, mode, toolIds });
  }

  /** every tool is ok, error or cancelled */
  get allSettled(): boolean {
    return this.settledTools === this.tools.size;
  }

  statusOf(toolId: string): ToolStatus {
    return this.tools.get(toolId)!.status;
  }

  isSettled(toolId: string): boolean {
    const status = this.statusOf(toolId);
    return status === 'ok' || status === 'error' || status === 'cancelled';
  }

  /** sets a status; a settled tool keeps its status (the first outcome wins) */
  setStatus(toolId: string, status: ToolStatus): boolean {
    const tool = this.tools.get(toolId)!;
    if (this.isSettled(toolId) || tool.status === status) return false;
    tool.status = status;
    const settled = status === 'ok' || status === 'error' || status === 'cancelled';
    if (status === 'running') tool.startedAt = performance.now();
    if (settled) {
      tool.summary.status = status;
      if (tool.startedAt !== undefined) tool.summary.durationMs = Math.round(performance.now() - tool.startedAt);
      this.settledTools++;
    }
    this.emit({ type: 'tool-status', runId: this.runId, toolId, status, ...(tool.summary.cached === true && { cached: true }) });
    if (settled) this.onSettled?.(toolId);
    return true;
  }

  /** the tool's outputs come from the anchor cache instead of running it */
  markCached(toolId: string): void {
    this.tools.get(toolId)!.summary.cached = true;
  }

  /** where the tool ran (`weft run --engine`, docs/in-database.md), with an info message saying why when given */
  engine(toolId: string, engine: ToolEngine, note: string | null): void {
    this.tools.get(toolId)!.summary.engine = engine;
    if (note !== null) this.message(toolId, 'info', note);
  }

  /** marks the tool failed with an error message (once) */
  fail(toolId: string, text: string): void {
    if (this.isSettled(toolId)) return;
    this.message(toolId, 'error', text);
    this.setStatus(toolId, 'error');
  }

  /** texts are cut to MAX_MESSAGE_CHARS; past MAX_MESSAGES_PER_TOOL info/warn messages only errors are kept */
  message(toolId: string, level: MessageLevel, text: string): void {
    const tool = this.tools.get(toolId)!;
    if (level !== 'error' && ++tool.notes > MAX_MESSAGES_PER_TOOL) {
      if (tool.notes === MAX_MESSAGES_PER_TOOL + 1) {
        this.record(tool, toolId, 'warn', `more than ${MAX_MESSAGES_PER_TOOL} messages: the rest of this tool's info and warning messages are not shown`);
      }
      return;
    }
    this.record(tool, toolId, level, capText(text));
  }

  private record(tool: ToolRecord, toolId: string, level: MessageLevel, text: string): void {
    tool.summary.messages.push({ level, text });
    this.emit({ type: 'tool-message', runId: this.runId, toolId, level, text });
  }

  progress(toolId: string, fraction: number): void {
    this.emit({ type: 'tool-progress', runId: this.runId, toolId, fraction });
  }

  anchorOpened(toolId: string, anchor: string, metadata: Metadata): void {
    const outputs = this.tools.get(toolId)!.summary.outputs;
    outputs[anchor] = this.mode === 'full' ? { records: 0, metadata } : { metadata };
    this.emit({ type: 'anchor-opened', runId: this.runId, toolId, anchor, metadata });
  }

  anchorRecords(toolId: string, anchor: string, records: number): void {
    const output = this.tools.get(toolId)!.summary.outputs[anchor];
    if (output) output.records = records;
    this.emit({ type: 'anchor-records', runId: this.runId, toolId, anchor, records });
  }

  /** at most `limit` rows, long texts cut */
  anchorPreview(toolId: string, anchor: string, rows: PreviewRow[], truncated: boolean, limit: number): void {
    const kept = capPreview(rows, limit);
    this.emit({ type: 'anchor-preview', runId: this.runId, toolId, anchor, rows: kept, truncated: truncated || kept.length < rows.length });
  }

  resultStored(toolId: string, path: string): void {
    this.tools.get(toolId)!.summary.results.push(path);
    this.emit({ type: 'result-stored', runId: this.runId, toolId, path });
  }

  finish(cancelled: boolean): RunSummary {
    const durationMs = Math.round(performance.now() - this.started);
    let status: RunStatus = cancelled ? 'cancelled' : 'ok';
    const tools: Record<string, ToolRunSummary> = {};
    for (const [id, tool] of this.tools) {
      if (!this.isSettled(id)) this.setStatus(id, 'cancelled');
      if (!cancelled && tool.summary.status !== 'ok') status = 'error';
      tools[id] = tool.summary;
    }
    this.emit({ type: 'run-finished', runId: this.runId, mode: this.mode, status, durationMs });
    return { runId: this.runId, mode: this.mode, status, durationMs, tools };
  }

  private emit(event: RunEvent): void {
    try {
      this.onEvent?.(event);
    } catch {
      // a listener's fault must not break the run
    }
  }
}
