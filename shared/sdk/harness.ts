/**
 * The test harness's contract (`runTool` of `@weft/sdk/testing`): one tool of a plugin folder run
 * through the real Weft engine, fed by rows per input anchor.
 */
import type { Metadata } from '../metadata.js';
import type { RunStatus, RunSummary, ToolMessage } from '../runEvents.js';
import type { RecordRow } from './plugin.js';

/** rows for one input anchor: plain objects (field types inferred from the values), or with their metadata */
export type ToolInput = RecordRow[] | { metadata: Metadata; rows: RecordRow[] };

export interface RunToolOptions {
  /** the plugin package folder (the one holding weft-plugin.json) */
  plugin: string;
  /** the tool's id in the package; may be left out when the package has one tool */
  tool?: string;
  /** the tool's config (its defaultConfig fills in missing keys, as on the canvas) */
  config?: Record<string, unknown>;
  /** input anchor name → its rows; an anchor left out is not connected */
  inputs?: Record<string, ToolInput>;
  /** an update-only run (constructor and onInputConnectionOpened only): metadata and messages, no rows */
  updateOnly?: boolean;
  /** full runs: stop the run after this long (default 60 s) */
  timeoutMs?: number;
}

export interface RunToolResult {
  status: RunStatus;
  /** output anchor name → the metadata it was opened with, or null when it was never opened */
  metadata: Record<string, Metadata | null>;
  /** output anchor name → every row written to it (full runs; empty lists in update-only) */
  rows: Record<string, RecordRow[]>;
  messages: ToolMessage[];
  /** the whole run as `weft run --json` reports it (tool ids: `tool`, `input:<anchor>`, `output:<anchor>`) */
  summary: RunSummary;
}

export type RunTool = (options: RunToolOptions) => Promise<RunToolResult>;
