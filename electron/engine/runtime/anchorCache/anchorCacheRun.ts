/**
 * The anchor cache's part in one full run (docs/cache.md). Before the run: the tools'
 * fingerprints, and, when the run reuses the cache, which tools run, replay or are cached
 * (incrementalPlan.ts). During the run: the cache folder of each running tool's job, the
 * anchors it reports, and, when it completes ok, its entry committed. After: half-written folders
 * removed, the run's tool → entry record written, the workflow's budget enforced.
 */
import type { MessagePort } from 'node:worker_threads';
import path from 'node:path';
import type { Metadata } from '../../../../shared/metadata.js';
import type { PreviewRow } from '../../../../shared/runEvents.js';
import type { ReplayToolJob, WorkerToHost } from '../protocol.js';
import type { PlannedTool, RunPlan } from '../runPlan.js';
import type { RunRecorder } from '../runRecorder.js';
import type { AnchorCacheStore, StoredEntry } from './anchorCacheStore.js';
import { anchorFileName, ENTRY_FORMAT, type CachedAnchor, type CacheEntry } from './cacheEntry.js';
import { incrementalPlan, type ToolSource } from './incrementalPlan.js';
import { toolFingerprints, type FingerprintSetting } from './toolFingerprints.js';

export interface AnchorCacheSetting {
  store: AnchorCacheStore;
  /** the workflow whose entries share the budget: its file path, or "unsaved" */
  workflowKey: string;
  budgetBytes: number;
  /** take unchanged tools' outputs from the cache (an incremental run); false: run everything, keep the outputs */
  reuse: boolean;
}

interface AnchorReport {
  metadata: Metadata | null;
  records: number;
  preview: PreviewRow[];
  truncated: boolean;
  cacheBytes?: number;
}

export class AnchorCacheRun {
  private readonly reports = new Map<string, Map<string, AnchorReport>>();
  private readonly commits: Array<Promise<void>> = [];
  /** tool id → the entry folder holding its outputs in this run */
  private readonly toolEntries: Record<string, string> = {};

  private constructor(
    private readonly plan: RunPlan,
    private readonly runId: string,
    private readonly setting: AnchorCacheSetting,
    private readonly fingerprints: Map<string, string | null>,
    private readonly entries: Map<string, StoredEntry>,
    private readonly sources: Map<string, ToolSource>,
  ) {}

  static async prepare(plan: RunPlan, runId: string, setting: AnchorCacheSetting, fingerprintSetting: Omit<FingerprintSetting, 'workflowKey'>): Promise<AnchorCacheRun> {
    const fingerprints = await toolFingerprints(plan, { ...fingerprintSetting, workflowKey: setting.workflowKey });
    const entries = new Map<string, StoredEntry>();
    if (setting.reuse) {
      await setting.store.refresh();
      for (const [toolId, fingerprint] of fingerprints) {
        const stored = fingerprint ? setting.store.find(fingerprint) : undefined;
        if (stored && matchesOutputs(plan.byId.get(toolId)!, stored)) entries.set(toolId, stored);
      }
    }
    const sources = setting.reuse ? incrementalPlan(plan, entries) : new Map(plan.tools.map((t) => [t.node.id, 'run' as ToolSource]));
    return new AnchorCacheRun(plan, runId, setting, fingerprints, entries, sources);
  }

  sourceOf(toolId: string): ToolSource {
    return this.sources.get(toolId) ?? 'run';
  }

  /** the tool's inputs are wired: it runs */
  runs(toolId: string): boolean {
    return this.sourceOf(toolId) === 'run';
  }

  /** reports cached and replayed tools from their entries; cached tools are done at once */
  settleFromCache(recorder: RunRecorder, previewRows: number): void {
    for (const tool of this.plan.tools) {
      const id = tool.node.id;
      const source = this.sourceOf(id);
      if (source === 'run' || recorder.isSettled(id)) continue;
      const stored = this.entries.get(id)!;
      this.toolEntries[id] = stored.dir;
      recorder.markCached(id);
      recorder.message(id, 'info', `not run: unchanged since run ${stored.entry.runId}, its outputs come from the cache`);
      for (const output of tool.outputs) {
        const anchor = stored.entry.anchors[output.anchor];
        if (!anchor?.opened || !anchor.metadata) continue;
        recorder.anchorOpened(id, output.anchor, anchor.metadata);
        recorder.anchorRecords(id, output.anchor, anchor.records);
        recorder.anchorPreview(id, output.anchor, anchor.preview, anchor.truncated, previewRows);
      }
      if (source === 'cached') recorder.setStatus(id, 'ok');
    }
  }

  /** where a running tool keeps its outputs, or undefined when they are not kept */
  jobCache(tool: PlannedTool): { dir: string; budgetBytes: number } | undefined {
    if (!this.fingerprints.get(tool.node.id)) return undefined;
    return { dir: this.setting.store.partialDir(this.runId, this.plan.tools.indexOf(tool)), budgetBytes: this.setting.budgetBytes };
  }

  /** the job of a replaying tool: each anchor's file into its connections to running tools */
  replayJob(tool: PlannedTool, ports: Map<string, { producer: MessagePort }>, consumerLive: (toolId: string) => boolean): ReplayToolJob {
    const stored = this.entries.get(tool.node.id)!;
    return {
      toolId: tool.node.id,
      outputs: tool.outputs.map((o) => {
        const anchor = stored.entry.anchors[o.anchor];
        const opened = anchor?.opened === true && anchor.metadata !== null;
        return {
          anchor: o.anchor,
          metadata: opened ? anchor.metadata : null,
          file: opened && anchor.file ? path.join(stored.dir, anchor.file) : null,
          // a consumer that already failed or was cancelled will never grant credit: leave it out
          connections: o.connections.filter((c) => ports.has(c.id) && consumerLive(c.to.tool)).map((c) => ({ id: c.id, port: ports.get(c.id)!.producer })),
        };
      }),
    };
  }

  /** follows a running tool's control messages; its entry is committed when it is done */
  observe(tool: PlannedTool, message: WorkerToHost): void {
    const id = tool.node.id;
    if (!this.runs(id) || !this.fingerprints.get(id)) return;
    let reports = this.reports.get(id);
    if (!reports) this.reports.set(id, (reports = new Map()));
    if (message.type === 'anchor-opened') {
      reports.set(message.anchor, { metadata: message.metadata, records: 0, preview: [], truncated: false });
    } else if (message.type === 'anchor-closed') {
      const report = reports.get(message.anchor);
      if (report) Object.assign(report, { records: message.records, preview: message.preview, truncated: message.truncated, cacheBytes: message.cacheBytes });
    } else if (message.type === 'done') {
      this.commits.push(this.commit(tool, reports));
    }
  }

  /** after the run: uncommitted folders go, the run's record is written, the budget is enforced */
  async finish(): Promise<void> {
    const { store } = this.setting;
    await Promise.all(this.commits);
    await store.removePartial(this.runId).catch(() => undefined);
    if (Object.keys(this.toolEntries).length === 0) return;
    await store.recordRunTools(this.runId, this.toolEntries).catch(() => undefined);
    await store.evict(this.setting.workflowKey, this.setting.budgetBytes, new Set(Object.values(this.toolEntries))).catch(() => undefined);
  }

  private async commit(tool: PlannedTool, reports: Map<string, AnchorReport>): Promise<void> {
    const anchors: Record<string, CachedAnchor> = {};
    tool.outputs.forEach((o, i) => {
      const report = reports.get(o.anchor);
      const kept = report?.cacheBytes !== undefined;
      anchors[o.anchor] = {
        opened: report !== undefined,
        metadata: report?.metadata ?? null,
        records: report?.records ?? 0,
        preview: report?.preview ?? [],
        truncated: report?.truncated ?? false,
        file: kept ? anchorFileName(i) : null,
        bytes: report?.cacheBytes ?? 0,
        ...(report && !kept && { skipped: 'not kept' }),
      };
    });
    const entry: CacheEntry = {
      format: ENTRY_FORMAT, fingerprint: this.fingerprints.get(tool.node.id)!, workflowKey: this.setting.workflowKey,
      toolId: tool.node.id, plugin: tool.node.plugin, runId: this.runId, createdAt: Date.now(), anchors,
    };
    try {
      const stored = await this.setting.store.commit(this.jobCache(tool)!.dir, entry);
      this.toolEntries[tool.node.id] = stored.dir;
    } catch (error) {
      process.emitWarning(`the anchor cache could not keep the outputs of tool ${tool.node.id}: ${(error as Error).message}`);
    }
  }
}

/** the entry has every output anchor the tool has now (a changed manifest changes the version, but be safe) */
function matchesOutputs(tool: PlannedTool, stored: StoredEntry): boolean {
  return tool.outputs.every((o) => Object.hasOwn(stored.entry.anchors, o.anchor));
}
