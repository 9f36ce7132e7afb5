/**
 * The one event stream of a run. The app (over IPC), the browser mode (over WebSocket) and the
 * `weft` command all consume these; every payload is JSON-safe.
 */
import type { Metadata } from './metadata.js';

export type RunMode = 'full' | 'update';
export type ToolStatus = 'pending' | 'running' | 'ok' | 'error' | 'cancelled';
export type RunStatus = 'ok' | 'error' | 'cancelled';
export type MessageLevel = 'info' | 'warn' | 'error';

/** Preview cells are JSON-safe: int64 as a decimal string, blob as base64, dates as ISO strings. */
export type PreviewValue = string | number | boolean | null;
export type PreviewRow = Record<string, PreviewValue>;

export interface ToolMessage {
  level: MessageLevel;
  text: string;
}

export type RunEvent =
  | { type: 'run-started'; runId: string; mode: RunMode; toolIds: string[] }
  /** `cached`: the tool did not run; its outputs came from the anchor cache (docs/cache.md) */
  | { type: 'tool-status'; runId: string; toolId: string; status: ToolStatus; cached?: boolean }
  | { type: 'tool-progress'; runId: string; toolId: string; fraction: number }
  | { type: 'tool-message'; runId: string; toolId: string; level: MessageLevel; text: string }
  | { type: 'anchor-opened'; runId: string; toolId: string; anchor: string; metadata: Metadata }
  | { type: 'anchor-records'; runId: string; toolId: string; anchor: string; records: number }
  | {
      type: 'anchor-preview';
      runId: string;
      toolId: string;
      anchor: string;
      rows: PreviewRow[];
      /** true when the anchor wrote more rows than the preview holds */
      truncated: boolean;
    }
  | { type: 'result-stored'; runId: string; toolId: string; path: string }
  | { type: 'run-finished'; runId: string; mode: RunMode; status: RunStatus; durationMs: number };

export interface AnchorSummary {
  /** absent in update-only runs */
  records?: number;
  metadata: Metadata;
}

export interface ToolRunSummary {
  status: RunStatus;
  /** from the tool's start to its end; absent for a tool that never started */
  durationMs?: number;
  messages: ToolMessage[];
  outputs: Record<string, AnchorSummary>;
  results: string[];
  /** true when the tool did not run and its outputs came from the anchor cache */
  cached?: boolean;
  /** where it ran: absent means streaming (docs/in-database.md) */
  engine?: ToolEngine;
}

/** how a workflow runs (its `engine` setting, `weft run --engine`): every tool in its worker, or in a database */
export type ToolEngine = 'streaming' | 'in-database';

/** The shape of `weft run --json` (docs/workflow-format.md and docs/cli.md). */
export interface RunSummary {
  runId: string;
  mode: RunMode;
  status: RunStatus;
  durationMs: number;
  tools: Record<string, ToolRunSummary>;
}
