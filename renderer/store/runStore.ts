/**
 * What runs report: statuses, progress, messages, and per anchor its metadata, record count and
 * preview. Fed by `onRunEvent` and by update-only summaries; events and summaries of superseded
 * update-only runs are ignored. An edit makes the full run's results of the edited tool and its
 * downstream stale (`invalidateTools`): they are dropped, and those tools show their update-only
 * status until the next full run.
 */
import { createStore, useStore } from 'zustand';
import type { Metadata } from '../../shared/metadata.js';
import type { MessageLevel, PreviewRow, RunEvent, RunStatus, RunSummary, ToolStatus } from '../../shared/runEvents.js';
import type { RunHistoryEntry } from '../../shared/weftApi.js';
import { anchorKey } from '../model/connectionKey.js';

export interface RunMessage {
  id: number;
  source: 'run' | 'update' | 'import';
  toolId: string;
  level: MessageLevel;
  text: string;
}

export interface AnchorRunState {
  records?: number;
  preview?: PreviewRow[];
  truncated?: boolean;
  metadata?: Metadata;
}

export interface RunState {
  /** the full run in progress, or null */
  activeRunId: string | null;
  lastFullRunId: string | null;
  lastFullRunStatus: RunStatus | null;
  /** the newest update-only run: events of older ones are stale */
  updateRunId: string | null;
  toolStatus: Record<string, ToolStatus>;
  /** tools of the latest full run that did not run: their outputs came from the anchor cache */
  cachedTools: Record<string, true>;
  progress: Record<string, number>;
  /** per tool, its status in the latest update-only run */
  updateStatus: Record<string, RunStatus>;
  /** output anchor metadata from the latest update-only run (key: anchorKey) */
  updateMetadata: Record<string, Metadata>;
  /** output anchors of the latest full run (key: anchorKey) */
  anchors: Record<string, AnchorRunState>;
  runMessages: RunMessage[];
  updateMessages: RunMessage[];
  /** the conversion report of an opened Alteryx workflow, a message per tool it has something to say of */
  importMessages: RunMessage[];
  results: Record<string, string[]>;
  /** true once the workflow changed after the latest full run started */
  editedSinceRun: boolean;
  /** tools whose full-run results an edit made stale since the latest full run started */
  staleTools: Record<string, true>;
  /** update-only runs a newer one replaced (newest last): their events and summaries are ignored */
  supersededUpdateRuns: string[];
  hostError: string | null;
  /** true from pressing Run until the host answers (before run-started arrives) */
  runRequested: boolean;
  /** the outcome of the latest full run, or of the past run opened from the run history */
  report: RunReport | null;
}

export interface RunReport {
  summary: RunSummary;
  /** set for a past run opened from the run history */
  startedAt?: string;
}

export interface RunActions {
  applyRunEvent(event: RunEvent): void;
  applyUpdateSummary(summary: RunSummary): void;
  markEdited(): void;
  /** drops the full run's statuses, counts, previews, messages and results of these tools */
  invalidateTools(toolIds: Iterable<string>): void;
  resetRunState(): void;
  setHostError(message: string | null): void;
  setImportMessages(messages: Array<Omit<RunMessage, 'id' | 'source'>>): void;
  setRunRequested(requested: boolean): void;
  /** the summary a full run resolved with (per tool records and time) */
  setRunReport(summary: RunSummary): void;
  /** shows a recorded run as if it had just ended: statuses, counts, fields, messages, results */
  showPastRun(entry: RunHistoryEntry & { tools: RunSummary['tools'] }): void;
}

export type RunStore = RunState & RunActions;

const initialState: RunState = {
  activeRunId: null, lastFullRunId: null, lastFullRunStatus: null, updateRunId: null,
  toolStatus: {}, cachedTools: {}, progress: {}, updateStatus: {}, updateMetadata: {}, anchors: {},
  runMessages: [], updateMessages: [], importMessages: [], results: {}, editedSinceRun: false, staleTools: {}, supersededUpdateRuns: [],
  hostError: null, runRequested: false, report: null,
};

/** enough to cover the runs still in flight; older ids never come back */
const SUPERSEDED_KEPT = 64;

let nextMessageId = 1;

function withAnchor(anchors: Record<string, AnchorRunState>, key: string, patch: AnchorRunState): Record<string, AnchorRunState> {
  return { ...anchors, [key]: { ...anchors[key], ...patch } };
}

export function createRunStore() {
  return createStore<RunStore>()((set, get) => ({
    ...initialState,

    applyRunEvent: (event) => {
      const state = get();
      if (event.type === 'run-started') {
        if (event.mode === 'update') {
          if (state.supersededUpdateRuns.includes(event.runId)) return;
          const superseded = state.updateRunId !== null && state.updateRunId !== event.runId
            ? [...state.supersededUpdateRuns, state.updateRunId].slice(-SUPERSEDED_KEPT) : state.supersededUpdateRuns;
          set({ updateRunId: event.runId, supersededUpdateRuns: superseded });
        } else set({
          activeRunId: event.runId, lastFullRunId: event.runId, lastFullRunStatus: null, editedSinceRun: false,
          toolStatus: Object.fromEntries(event.toolIds.map((id) => [id, 'pending' as ToolStatus])), cachedTools: {},
          progress: {}, anchors: {}, runMessages: [], results: {}, staleTools: {}, report: null,
        });
        return;
      }
      const isFull = event.runId === state.lastFullRunId;
      const isUpdate = !isFull && event.runId === state.updateRunId;
      if (!isFull && !isUpdate) return;
      // an edit during the run made this tool's results stale: the run's later news about it is too
      if (isFull && event.type !== 'run-finished' && state.staleTools[event.toolId]) return;
      switch (event.type) {
        case 'anchor-opened': {
          const key = anchorKey({ tool: event.toolId, anchor: event.anchor });
          if (isUpdate) set({ updateMetadata: { ...state.updateMetadata, [key]: event.metadata } });
          else set({ anchors: withAnchor(state.anchors, key, { metadata: event.metadata }) });
          return;
        }
        case 'tool-message': {
          if (!isFull) return;
          const message: RunMessage = { id: nextMessageId++, source: 'run', toolId: event.toolId, level: event.level, text: event.text };
          set({ runMessages: [...state.runMessages, message] });
          return;
        }
        case 'tool-status':
          if (isFull) {
            set({
              toolStatus: { ...state.toolStatus, [event.toolId]: event.status },
              ...(event.cached === true && { cachedTools: { ...state.cachedTools, [event.toolId]: true } }),
            });
          }
          return;
        case 'tool-progress':
          if (isFull) set({ progress: { ...state.progress, [event.toolId]: event.fraction } });
          return;
        case 'anchor-records':
          if (isFull) set({ anchors: withAnchor(state.anchors, anchorKey({ tool: event.toolId, anchor: event.anchor }), { records: event.records }) });
          return;
        case 'anchor-preview':
          if (isFull) set({ anchors: withAnchor(state.anchors, anchorKey({ tool: event.toolId, anchor: event.anchor }), { preview: event.rows, truncated: event.truncated }) });
          return;
        case 'result-stored':
          if (isFull) set({ results: { ...state.results, [event.toolId]: [...(state.results[event.toolId] ?? []), event.path] } });
          return;
        case 'run-finished':
          if (isFull) set({ activeRunId: null, lastFullRunStatus: event.status });
          return;
      }
    },

    applyUpdateSummary: (summary) => {
      if (get().supersededUpdateRuns.includes(summary.runId)) return;
      const updateStatus: Record<string, RunStatus> = {};
      const updateMetadata: Record<string, Metadata> = {};
      const updateMessages: RunMessage[] = [];
      for (const [toolId, tool] of Object.entries(summary.tools)) {
        updateStatus[toolId] = tool.status;
        for (const [anchor, output] of Object.entries(tool.outputs)) {
          updateMetadata[anchorKey({ tool: toolId, anchor })] = output.metadata;
        }
        for (const message of tool.messages) {
          updateMessages.push({ id: nextMessageId++, source: 'update', toolId, level: message.level, text: message.text });
        }
      }
      set({ updateStatus, updateMetadata, updateMessages, updateRunId: summary.runId });
    },

    markEdited: () => { if (!get().editedSinceRun) set({ editedSinceRun: true }); },

    invalidateTools: (toolIds) => {
      const stale = new Set(toolIds);
      if (stale.size === 0) return;
      const state = get();
      const keep = <T>(record: Record<string, T>): Record<string, T> =>
        Object.fromEntries(Object.entries(record).filter(([toolId]) => !stale.has(toolId)));
      const anchorPrefixes = [...stale].map((toolId) => anchorKey({ tool: toolId, anchor: '' }));
      set({
        toolStatus: keep(state.toolStatus),
        progress: keep(state.progress),
        results: keep(state.results),
        anchors: Object.fromEntries(Object.entries(state.anchors).filter(([key]) => !anchorPrefixes.some((prefix) => key.startsWith(prefix)))),
        runMessages: state.runMessages.filter((message) => !stale.has(message.toolId)),
        staleTools: { ...state.staleTools, ...Object.fromEntries([...stale].map((toolId) => [toolId, true as const])) },
      });
    },
    resetRunState: () => set({ ...initialState }),
    setHostError: (message) => set({ hostError: message }),
    setImportMessages: (messages) => set({ importMessages: messages.map((m) => ({ ...m, id: nextMessageId++, source: 'import' })) }),
    setRunRequested: (requested) => set({ runRequested: requested }),
    setRunReport: (summary) => { if (summary.runId === get().lastFullRunId) set({ report: { summary } }); },
    showPastRun: (entry) => {
      if (get().activeRunId !== null) return;
      const toolStatus: Record<string, ToolStatus> = {};
      const anchors: Record<string, AnchorRunState> = {};
      const runMessages: RunMessage[] = [];
      const results: Record<string, string[]> = {};
      const cachedTools: Record<string, true> = {};
      for (const [toolId, tool] of Object.entries(entry.tools)) {
        toolStatus[toolId] = tool.status;
        if (tool.cached) cachedTools[toolId] = true;
        for (const [anchor, output] of Object.entries(tool.outputs)) anchors[anchorKey({ tool: toolId, anchor })] = { records: output.records, metadata: output.metadata };
        for (const message of tool.messages) runMessages.push({ id: nextMessageId++, source: 'run', toolId, level: message.level, text: message.text });
        if (tool.results.length > 0) results[toolId] = tool.results;
      }
      const summary: RunSummary = { runId: entry.runId, mode: 'full', status: entry.status, durationMs: entry.durationMs, tools: entry.tools };
      set({
        lastFullRunId: entry.runId, lastFullRunStatus: entry.status, editedSinceRun: false, staleTools: {}, progress: {},
        toolStatus, cachedTools, anchors, runMessages, results, report: { summary, startedAt: entry.startedAt },
      });
    },
  }));
}

export const runStore = createRunStore();

export function useRunStore<T>(selector: (state: RunStore) => T): T {
  return useStore(runStore, selector);
}
