/**
 * One window's (or one browser connection's) view of the engine: it implements WeftApi over the
 * process-wide EngineHost parts. Per session: the current full run with its AbortController (for
 * cancelRun), the current update-only run (a newer call aborts it; it never blocks a full run),
 * and the event subscribers.
 */
import path from 'node:path';
import type { DatabaseConnection, DatabaseConnectionSummary } from '../../../shared/databaseConnection.js';
import type { ToolDescriptor } from '../../../shared/manifest.js';
import { formatPlacedError } from '../../../shared/placedError.js';
import type { AnchorProfile, AnchorSort } from '../../../shared/anchorData.js';
import type { RunEvent, RunMode, RunSummary } from '../../../shared/runEvents.js';
import type {
  BrowsePage, RunWorkflowOptions, DirectoryListing, ExampleWorkflow, OpenedWorkflow, PluginChange, PluginFolderSummary, RunHistoryEntry, SaveAsToolRequest, Unsubscribe, WeftApi,
} from '../../../shared/weftApi.js';
import type { Workflow } from '../../../shared/workflow.js';
import { validateWorkflow } from '../../../shared/workflowFile.js';
import { isAlteryxWorkflowPath } from '../alteryxImport/alteryxPath.js';
import { readPackage } from '../registry/packageLoader.js';
import type { ConnectionStore } from '../stores/connectionStore.js';
import { runHistoryEntry, type ResultsStore } from '../stores/resultsStore.js';
import { loadWorkflowFile, saveWorkflowFile } from '../workflowFiles/workflowFileStore.js';
import {
  ArgumentError, optionalString, requireBoolean, requireCount, requireFunction, requireNumber, requireObject, requireString,
} from './argumentChecks.js';
import { AnchorRowsReader } from './anchorRows.js';
import { BrowseReader, browseFileName } from './browseRows.js';
import { listDirectory } from './directoryListing.js';
import { listExamples } from './exampleWorkflows.js';
import type { ServiceRegistry, ServiceRunner, ServiceRunOptions } from './engineParts.js';

const PREVIEW_ROWS = 100;
const MAX_BROWSE_PAGE = 100_000;

export interface SessionParts {
  registry: ServiceRegistry;
  runner: ServiceRunner;
  results: ResultsStore;
  saveAsTool(request: SaveAsToolRequest): Promise<ToolDescriptor>;
  removeVirtualTool(fullId: string): Promise<void>;
  connections: ConnectionStore;
}

export interface WeftSession extends WeftApi {
  dispose(): void;
}

interface ActiveRun {
  controller: AbortController;
  done: Promise<RunSummary>;
}

export function createWeftSession(parts: SessionParts): WeftSession {
  return new EngineSession(parts);
}

class EngineSession implements WeftSession {
  private fullRun: ActiveRun | null = null;
  private updateRun: ActiveRun | null = null;
  private readonly runListeners = new Set<(event: RunEvent) => void>();
  private readonly pluginListeners = new Set<(change: PluginChange) => void>();
  private readonly unsubscribeRegistry: Unsubscribe;
  private readonly browse = new BrowseReader();
  private readonly anchors: AnchorRowsReader;
  private disposed = false;

  constructor(private readonly parts: SessionParts) {
    this.anchors = new AnchorRowsReader(parts.runner.anchorCacheStore);
    this.unsubscribeRegistry = parts.registry.onChange((change) => {
      for (const listener of [...this.pluginListeners]) callSafely(listener, change);
    });
  }

  async listTools(): Promise<ToolDescriptor[]> {
    this.assertOpen('listTools');
    return this.parts.registry.list();
  }

  async openWorkflow(filePath: string): Promise<OpenedWorkflow> {
    this.assertOpen('openWorkflow');
    const file = requireString('openWorkflow', 'path', filePath);
    if (isAlteryxWorkflowPath(file)) return this.openAlteryxWorkflow(file);
    const loaded = await loadWorkflowFile(file, this.lookup);
    if (!loaded.ok) throw new Error(loaded.errors.map(formatPlacedError).join('\n'));
    return { path: loaded.path, workflow: loaded.workflow, missingPlugins: loaded.missingPlugins };
  }

  private async openAlteryxWorkflow(file: string): Promise<OpenedWorkflow> {
    // the importer (an XML parser and ~50 modules) loads on first use: every start would pay for it
    const { convertAlteryxFile } = await import('../alteryxImport/index.js');
    const converted = await convertAlteryxFile(file);
    if (!converted.ok) throw new Error(`${converted.file}: ${converted.message}`);
    const checked = validateWorkflow(converted.workflow, { file, lookup: this.lookup });
    if (!checked.ok) throw new Error(checked.errors.map(formatPlacedError).join('\n'));
    return { path: converted.report.output, workflow: checked.workflow, missingPlugins: checked.missingPlugins, importReport: converted.report };
  }

  async saveWorkflow(filePath: string, workflow: Workflow): Promise<void> {
    this.assertOpen('saveWorkflow');
    const file = requireString('saveWorkflow', 'path', filePath);
    requireObject('saveWorkflow', 'workflow', workflow);
    await saveWorkflowFile(file, workflow, this.lookup);
  }

  async updateOnly(workflow: Workflow, workflowPath: string | null): Promise<RunSummary> {
    this.assertOpen('updateOnly');
    const checked = this.checkRunArguments('updateOnly', workflow, workflowPath);
    this.updateRun?.controller.abort();
    const run = this.startRun('update', checked.workflow, checked.workflowDir);
    this.updateRun = run;
    try {
      return await run.done;
    } finally {
      if (this.updateRun === run) this.updateRun = null;
    }
  }

  async runWorkflow(workflow: Workflow, workflowPath: string | null, options?: RunWorkflowOptions): Promise<RunSummary> {
    this.assertOpen('runWorkflow');
    const checked = this.checkRunArguments('runWorkflow', workflow, workflowPath);
    const incremental = options === undefined || options === null ? false : requireBoolean('runWorkflow', 'options.incremental', requireObject('runWorkflow', 'options', options).incremental ?? false);
    if (this.fullRun) throw new Error('runWorkflow: a run is already in progress in this window; cancel it first');
    const startedAt = new Date().toISOString();
    // every full run keeps its anchors for browsing and the next incremental run (docs/cache.md)
    const run = this.startRun('full', checked.workflow, checked.workflowDir, {
      cache: incremental ? 'reuse' : 'keep', workflowKey: checked.workflowPath ?? 'unsaved',
    });
    this.fullRun = run;
    try {
      const summary = await run.done;
      await this.recordRun(summary, startedAt, checked.workflowPath);
      return summary;
    } finally {
      if (this.fullRun === run) this.fullRun = null;
    }
  }

  async cancelRun(): Promise<void> {
    this.assertOpen('cancelRun');
    const run = this.fullRun;
    if (!run) return;
    run.controller.abort();
    // resolve once the run has stopped (the runner stops within a second), but never hang here
    await Promise.race([run.done.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  }

  async browseRows(runId: string, toolId: string, anchor: string, offset: number, limit: number): Promise<BrowsePage> {
    this.assertOpen('browseRows');
    requireString('browseRows', 'runId', runId);
    requireString('browseRows', 'toolId', toolId);
    requireString('browseRows', 'anchor', anchor);
    requireCount('browseRows', 'offset', offset);
    requireCount('browseRows', 'limit', limit, MAX_BROWSE_PAGE);
    let runDir: string;
    try {
      runDir = this.parts.results.runDir(runId);
    } catch (error) {
      throw new ArgumentError('browseRows', (error as Error).message);
    }
    const files = await this.parts.results.listResults(runId);
    const wanted = browseFileName(toolId);
    const file = files.find((f) => path.basename(f) === wanted && path.dirname(path.dirname(f)) === runDir) ?? files.find((f) => path.basename(f) === wanted);
    if (!file) throw new Error(`browseRows: run ${runId} has no browse result for tool "${toolId}"`);
    return this.browse.page(file, offset, limit);
  }

  async anchorRows(runId: string, toolId: string, anchor: string, offset: number, limit: number, sort: AnchorSort | null): Promise<BrowsePage> {
    this.assertOpen('anchorRows');
    requireString('anchorRows', 'runId', runId);
    requireString('anchorRows', 'toolId', toolId);
    requireString('anchorRows', 'anchor', anchor);
    requireCount('anchorRows', 'offset', offset);
    requireCount('anchorRows', 'limit', limit, MAX_BROWSE_PAGE);
    let order: AnchorSort | null = null;
    if (sort !== null && sort !== undefined) {
      const checked = requireObject('anchorRows', 'sort', sort);
      order = { field: requireString('anchorRows', 'sort.field', checked.field), descending: requireBoolean('anchorRows', 'sort.descending', checked.descending) };
    }
    return this.anchors.page(runId, toolId, anchor, offset, limit, order);
  }

  async anchorProfile(runId: string, toolId: string, anchor: string): Promise<AnchorProfile> {
    this.assertOpen('anchorProfile');
    return this.anchors.profile(requireString('anchorProfile', 'runId', runId), requireString('anchorProfile', 'toolId', toolId), requireString('anchorProfile', 'anchor', anchor));
  }

  async listRuns(): Promise<RunHistoryEntry[]> {
    this.assertOpen('listRuns');
    return this.parts.results.listRuns();
  }

  async cleanRuns(olderThanDays: number): Promise<number> {
    this.assertOpen('cleanRuns');
    return this.parts.results.cleanRuns(requireNumber('cleanRuns', 'olderThanDays', olderThanDays));
  }

  async inspectPlugin(dir: string): Promise<PluginFolderSummary> {
    this.assertOpen('inspectPlugin');
    const pkg = await readPackage(path.resolve(requireString('inspectPlugin', 'dir', dir)), { source: 'installed', checkImports: false });
    return { name: pkg.name, version: pkg.version, displayName: pkg.displayName, dir: pkg.dir, tools: [...pkg.tools.values()].map((t) => t.descriptor.name) };
  }

  async installPlugin(dir: string, force: boolean): Promise<ToolDescriptor[]> {
    this.assertOpen('installPlugin');
    return this.parts.registry.install(path.resolve(requireString('installPlugin', 'dir', dir)), { force: requireBoolean('installPlugin', 'force', force) });
  }

  async removePlugin(packageName: string): Promise<void> {
    this.assertOpen('removePlugin');
    await this.parts.registry.remove(requireString('removePlugin', 'packageName', packageName));
  }

  async loadPluginFolder(dir: string): Promise<ToolDescriptor[]> {
    this.assertOpen('loadPluginFolder');
    return this.parts.registry.loadFolder(path.resolve(requireString('loadPluginFolder', 'dir', dir)));
  }

  async saveAsTool(request: SaveAsToolRequest): Promise<ToolDescriptor> {
    this.assertOpen('saveAsTool');
    const checked = requireObject('saveAsTool', 'request', request);
    requireString('saveAsTool', 'request.id', checked.id);
    requireString('saveAsTool', 'request.name', checked.name);
    if (!Array.isArray(checked.tools)) throw new ArgumentError('saveAsTool', 'request.tools must be an array');
    if (!Array.isArray(checked.connections)) throw new ArgumentError('saveAsTool', 'request.connections must be an array');
    return this.parts.saveAsTool(request);
  }

  async removeVirtualTool(fullId: string): Promise<void> {
    this.assertOpen('removeVirtualTool');
    await this.parts.removeVirtualTool(requireString('removeVirtualTool', 'fullId', fullId));
  }

  async listConnections(): Promise<DatabaseConnectionSummary[]> {
    this.assertOpen('listConnections');
    return this.parts.connections.list();
  }

  async addConnection(connection: DatabaseConnection): Promise<DatabaseConnectionSummary> {
    this.assertOpen('addConnection');
    requireObject('addConnection', 'connection', connection);
    return this.parts.connections.add(connection);
  }

  async removeConnection(name: string): Promise<boolean> {
    this.assertOpen('removeConnection');
    return this.parts.connections.remove(requireString('removeConnection', 'name', name));
  }

  async listDirectory(dir: string | null): Promise<DirectoryListing> {
    this.assertOpen('listDirectory');
    return listDirectory(optionalString('listDirectory', 'path', dir));
  }

  async listExamples(): Promise<ExampleWorkflow[]> {
    this.assertOpen('listExamples');
    return listExamples();
  }

  onRunEvent(callback: (event: RunEvent) => void): Unsubscribe {
    const listener = requireFunction<(event: RunEvent) => void>('onRunEvent', 'callback', callback);
    this.runListeners.add(listener);
    return () => this.runListeners.delete(listener);
  }

  onPluginsChanged(callback: (change: PluginChange) => void): Unsubscribe {
    const listener = requireFunction<(change: PluginChange) => void>('onPluginsChanged', 'callback', callback);
    this.pluginListeners.add(listener);
    return () => this.pluginListeners.delete(listener);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.fullRun?.controller.abort();
    this.updateRun?.controller.abort();
    this.unsubscribeRegistry();
    this.runListeners.clear();
    this.pluginListeners.clear();
  }

  private readonly lookup = (fullId: string) => this.parts.registry.resolve(fullId)?.descriptor;

  private assertOpen(method: string): void {
    if (this.disposed) throw new Error(`${method}: this session was closed`);
  }

  /** starts a run whose events go to this session's subscribers; abort its controller to cancel it */
  private startRun(mode: RunMode, workflow: Workflow, workflowDir: string | null, cache?: Pick<ServiceRunOptions, 'cache' | 'workflowKey'>): ActiveRun {
    const controller = new AbortController();
    const done = this.parts.runner.run(workflow, {
      mode, ...cache,
      workflowDir,
      previewRows: PREVIEW_ROWS,
      signal: controller.signal,
      onEvent: (event) => this.emitRunEvent(event),
    });
    return { controller, done };
  }

  private checkRunArguments(method: string, workflow: unknown, workflowPath: unknown) {
    const file = optionalString(method, 'workflowPath', workflowPath);
    requireObject(method, 'workflow', workflow);
    const checked = validateWorkflow(workflow, { lookup: this.lookup, ...(file !== null && { file }) });
    if (!checked.ok) throw new ArgumentError(method, `invalid workflow: ${checked.errors.map(formatPlacedError).join('\n')}`);
    const absolute = file === null ? null : path.resolve(file);
    return { workflow: checked.workflow, workflowPath: absolute, workflowDir: absolute === null ? null : path.dirname(absolute) };
  }

  private emitRunEvent(event: RunEvent): void {
    for (const listener of [...this.runListeners]) callSafely(listener, event);
  }

  private async recordRun(summary: RunSummary, startedAt: string, workflowPath: string | null): Promise<void> {
    try {
      await this.parts.results.recordRun(runHistoryEntry(summary, startedAt, workflowPath));
    } catch (error) {
      // the run itself succeeded or failed on its own; a history write problem must not change its outcome
      process.emitWarning(`could not record run ${summary.runId} in the run history: ${(error as Error).message}`);
    }
  }
}

function callSafely<T>(listener: (value: T) => void, value: T): void {
  try {
    listener(value);
  } catch (error) {
    process.emitWarning(`a Weft event listener threw: ${(error as Error).message}`);
  }
}
