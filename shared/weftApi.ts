/**
 * The typed API between the engine host (Electron main, or the browser-mode server) and the
 * renderer. Commands return Promises; pushed events are `onX(cb) → unsubscribe`.
 * The Electron preload and the web bridge both expose exactly this interface.
 */
import type { AnchorProfile, AnchorSort } from './anchorData.js';
import type { DatabaseConnection, DatabaseConnectionSummary } from './databaseConnection.js';
import type { ImportReport } from './importReport.js';
import type { ToolDescriptor } from './manifest.js';
import type { PlacedError } from './placedError.js';
import type { PreviewRow, RunEvent, RunSummary } from './runEvents.js';
import type { Workflow } from './workflow.js';

export type Unsubscribe = () => void;

export interface OpenedWorkflow {
  path: string;
  workflow: Workflow;
  /** tools whose plugin is not installed (kept in the workflow as they are) */
  missingPlugins: string[];
  /**
   * set when an Alteryx workflow (.yxmd) was opened: it was converted, `path` is the Weft file
   * beside it that Save writes (not written yet), and this is the conversion report
   */
  importReport?: ImportReport;
}

export interface DirectoryEntry {
  name: string;
  path: string;
  kind: 'file' | 'directory';
}

export interface DirectoryListing {
  path: string;
  parent: string | null;
  entries: DirectoryEntry[];
}

export interface RunHistoryEntry {
  runId: string;
  startedAt: string;
  status: RunSummary['status'];
  durationMs: number;
  workflowPath: string | null;
  results: string[];
  /** each tool's outcome (as in RunSummary): absent in records written before it was kept */
  tools?: RunSummary['tools'];
}

/** A workflow that ships with Weft, for the start page. */
export interface ExampleWorkflow {
  /** from the file name: "Sales" for sales.weft.json */
  name: string;
  path: string;
  /** "6 tools" */
  description: string;
}

export interface RunWorkflowOptions {
  /** take unchanged tools' outputs from the anchor cache (default false: every tool runs) */
  incremental?: boolean;
}

export interface BrowsePage {
  rows: PreviewRow[];
  offset: number;
  total: number;
}

/** What a plugin folder holds, read before installing it so the user can consent. */
export interface PluginFolderSummary {
  /** the package name (`weft-plugin.json` `name`) */
  name: string;
  version: string;
  displayName: string;
  /** the folder, absolute */
  dir: string;
  /** the tools' display names */
  tools: string[];
}

export interface PluginChange {
  kind: 'installed' | 'removed' | 'reloaded' | 'virtual-created' | 'virtual-removed' | 'loaded';
  package: string;
  toolIds: string[];
}

export interface SaveAsToolRequest {
  /** short id of the new tool, `[a-z0-9][a-z0-9-]*` */
  id: string;
  name: string;
  description?: string;
  category?: string;
  /** the selected tools and the connections between them (one input side, one output side) */
  tools: Workflow['tools'];
  connections: Workflow['connections'];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: PlacedError };

export interface WeftApi {
  listTools(): Promise<ToolDescriptor[]>;
  openWorkflow(path: string): Promise<OpenedWorkflow>;
  saveWorkflow(path: string, workflow: Workflow): Promise<void>;
  /** starts an update-only run; a newer call supersedes (cancels) an older one */
  updateOnly(workflow: Workflow, workflowPath: string | null): Promise<RunSummary>;
  /**
   * starts a full run and resolves when it ends; progress arrives through onRunEvent. Every full
   * run keeps its anchors' rows in the anchor cache; `incremental` (Run, not Run all) also takes
   * unchanged tools' outputs from it (docs/cache.md)
   */
  runWorkflow(workflow: Workflow, workflowPath: string | null, options?: RunWorkflowOptions): Promise<RunSummary>;
  cancelRun(): Promise<void>;
  browseRows(runId: string, toolId: string, anchor: string, offset: number, limit: number): Promise<BrowsePage>;
  /** rows of any output anchor of a past full run, from the anchor cache; `sort` orders all rows first */
  anchorRows(runId: string, toolId: string, anchor: string, offset: number, limit: number, sort: AnchorSort | null): Promise<BrowsePage>;
  /** the field profile of any output anchor of a past full run, from the anchor cache */
  anchorProfile(runId: string, toolId: string, anchor: string): Promise<AnchorProfile>;
  listRuns(): Promise<RunHistoryEntry[]>;
  cleanRuns(olderThanDays: number): Promise<number>;
  /** reads a plugin folder's manifest (nothing is installed or run) for the install consent */
  inspectPlugin(dir: string): Promise<PluginFolderSummary>;
  installPlugin(dir: string, force: boolean): Promise<ToolDescriptor[]>;
  removePlugin(packageName: string): Promise<void>;
  loadPluginFolder(dir: string): Promise<ToolDescriptor[]>;
  saveAsTool(request: SaveAsToolRequest): Promise<ToolDescriptor>;
  removeVirtualTool(fullId: string): Promise<void>;
  listDirectory(path: string | null): Promise<DirectoryListing>;
  /** the example workflows that ship with Weft */
  listExamples(): Promise<ExampleWorkflow[]>;
  /** the named database connections (without passwords) that Input Data / Output Data can name */
  listConnections(): Promise<DatabaseConnectionSummary[]>;
  /** stores (or replaces) a named connection; the password goes to the OS keychain or the private connections file */
  addConnection(connection: DatabaseConnection): Promise<DatabaseConnectionSummary>;
  /** false when there was no such connection */
  removeConnection(name: string): Promise<boolean>;
  onRunEvent(callback: (event: RunEvent) => void): Unsubscribe;
  onPluginsChanged(callback: (change: PluginChange) => void): Unsubscribe;
}

/** The command names of WeftApi, from which IPC channels and WebSocket methods are derived. */
export const WEFT_API_COMMANDS = [
  'listTools', 'openWorkflow', 'saveWorkflow', 'updateOnly', 'runWorkflow', 'cancelRun',
  'browseRows', 'anchorRows', 'anchorProfile', 'listRuns', 'cleanRuns', 'inspectPlugin', 'installPlugin', 'removePlugin', 'loadPluginFolder',
  'saveAsTool', 'removeVirtualTool', 'listDirectory', 'listExamples', 'listConnections', 'addConnection', 'removeConnection',
] as const satisfies readonly (keyof WeftApi)[];

export type WeftApiCommand = (typeof WEFT_API_COMMANDS)[number];
export const WEFT_API_EVENTS = ['onRunEvent', 'onPluginsChanged'] as const;
