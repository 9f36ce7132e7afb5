import { describe, expect, it } from 'vitest';
import type { Metadata } from '../../shared/metadata.js';
import { metadataOf } from '../hooks/useAnchorMetadata.js';
import { anchorKey } from '../model/connectionKey.js';
import { createRunStore } from './runStore.js';

const fields = (...names: string[]): Metadata => ({ fields: names.map((name) => ({ name, type: 'int32' as const })) });

describe('run store', () => {
  it('keeps the metadata of the newest update-only run and ignores events of older ones', () => {
    const store = createRunStore();
    const apply = store.getState().applyRunEvent;
    apply({ type: 'run-started', runId: 'u1', mode: 'update', toolIds: ['t1'] });
    apply({ type: 'run-started', runId: 'u2', mode: 'update', toolIds: ['t1'] });
    apply({ type: 'anchor-opened', runId: 'u2', toolId: 't1', anchor: 'Output', metadata: fields('new') });
    apply({ type: 'anchor-opened', runId: 'u1', toolId: 't1', anchor: 'Output', metadata: fields('old') });
    expect(metadataOf(store.getState(), 't1', 'Output')).toEqual(fields('new'));
  });

  it('an update-only summary replaces statuses, metadata and messages', () => {
    const store = createRunStore();
    store.getState().applyUpdateSummary({
      runId: 'u3', mode: 'update', status: 'error', durationMs: 2,
      tools: {
        t1: { status: 'ok', messages: [], outputs: { Output: { metadata: fields('a', 'b') } }, results: [] },
        t2: { status: 'error', messages: [{ level: 'error', text: 'Unknown field [c]' }], outputs: {}, results: [] },
      },
    });
    const state = store.getState();
    expect(state.updateStatus).toEqual({ t1: 'ok', t2: 'error' });
    expect(state.updateMetadata[anchorKey({ tool: 't1', anchor: 'Output' })]).toEqual(fields('a', 'b'));
    expect(state.updateMessages.map((message) => [message.toolId, message.level, message.text])).toEqual([['t2', 'error', 'Unknown field [c]']]);
  });

  it('a full run records statuses, progress, counts, previews and results, and a new run starts clean', () => {
    const store = createRunStore();
    const apply = store.getState().applyRunEvent;
    apply({ type: 'run-started', runId: 'r1', mode: 'full', toolIds: ['t1', 't2'] });
    expect(store.getState().toolStatus).toEqual({ t1: 'pending', t2: 'pending' });
    apply({ type: 'tool-status', runId: 'r1', toolId: 't1', status: 'running' });
    apply({ type: 'tool-progress', runId: 'r1', toolId: 't1', fraction: 0.5 });
    apply({ type: 'anchor-records', runId: 'r1', toolId: 't1', anchor: 'Output', records: 42 });
    apply({ type: 'anchor-preview', runId: 'r1', toolId: 't1', anchor: 'Output', rows: [{ a: 1 }], truncated: true });
    apply({ type: 'result-stored', runId: 'r1', toolId: 't2', path: '/runs/r1/t2/browse-t2.arrow' });
    apply({ type: 'tool-message', runId: 'r1', toolId: 't2', level: 'warn', text: 'careful' });
    apply({ type: 'tool-message', runId: 'other', toolId: 't2', level: 'error', text: 'not ours' });
    apply({ type: 'run-finished', runId: 'r1', mode: 'full', status: 'ok', durationMs: 10 });
    const state = store.getState();
    expect(state.activeRunId).toBeNull();
    expect(state.lastFullRunStatus).toBe('ok');
    expect(state.progress).toEqual({ t1: 0.5 });
    expect(state.anchors[anchorKey({ tool: 't1', anchor: 'Output' })]).toEqual({ records: 42, preview: [{ a: 1 }], truncated: true });
    expect(state.results).toEqual({ t2: ['/runs/r1/t2/browse-t2.arrow'] });
    expect(state.runMessages.map((message) => message.text)).toEqual(['careful']);

    store.getState().markEdited();
    expect(store.getState().editedSinceRun).toBe(true);
    apply({ type: 'run-started', runId: 'r2', mode: 'full', toolIds: ['t1'] });
    expect(store.getState()).toMatchObject({ anchors: {}, runMessages: [], results: {}, editedSinceRun: false, activeRunId: 'r2' });
  });

  it('an edit drops the full run results of the stale tools only, and the run\'s later news about them', () => {
    const store = createRunStore();
    const apply = store.getState().applyRunEvent;
    apply({ type: 'run-started', runId: 'r1', mode: 'full', toolIds: ['t1', 't2', 't3'] });
    for (const [tool, records] of [['t1', 10], ['t2', 4], ['t3', 4]] as const) {
      apply({ type: 'tool-status', runId: 'r1', toolId: tool, status: 'ok' });
      apply({ type: 'anchor-records', runId: 'r1', toolId: tool, anchor: 'Output', records });
      apply({ type: 'anchor-preview', runId: 'r1', toolId: tool, anchor: 'Output', rows: [{ a: records }], truncated: false });
      apply({ type: 'tool-message', runId: 'r1', toolId: tool, level: 'info', text: `${tool} done` });
    }
    apply({ type: 'result-stored', runId: 'r1', toolId: 't3', path: '/runs/r1/t3/browse-t3.arrow' });
    // a tool id that is a prefix of another must not take the other's anchors with it
    apply({ type: 'anchor-records', runId: 'r1', toolId: 't2x', anchor: 'Output', records: 7 });

    store.getState().invalidateTools(['t2', 't3']);
    let state = store.getState();
    expect(state.toolStatus).toEqual({ t1: 'ok' });
    expect(Object.keys(state.anchors).sort()).toEqual([anchorKey({ tool: 't1', anchor: 'Output' }), anchorKey({ tool: 't2x', anchor: 'Output' })]);
    expect(state.results).toEqual({});
    expect(state.runMessages.map((message) => message.text)).toEqual(['t1 done']);

    // a run still going: what it says about stale tools is stale too
    apply({ type: 'anchor-records', runId: 'r1', toolId: 't2', anchor: 'Output', records: 99 });
    apply({ type: 'tool-status', runId: 'r1', toolId: 't3', status: 'cancelled' });
    apply({ type: 'run-finished', runId: 'r1', mode: 'full', status: 'ok', durationMs: 3 });
    state = store.getState();
    expect(state.anchors[anchorKey({ tool: 't2', anchor: 'Output' })]).toBeUndefined();
    expect(state.toolStatus.t3).toBeUndefined();
    expect(state.lastFullRunStatus).toBe('ok');

    // the next full run speaks for every tool again
    apply({ type: 'run-started', runId: 'r2', mode: 'full', toolIds: ['t1', 't2', 't3'] });
    apply({ type: 'anchor-records', runId: 'r2', toolId: 't2', anchor: 'Output', records: 5 });
    expect(store.getState().anchors[anchorKey({ tool: 't2', anchor: 'Output' })]?.records).toBe(5);
  });

  it('a superseded update-only run\'s events and summary never replace the newer run\'s state', () => {
    const store = createRunStore();
    const apply = store.getState().applyRunEvent;
    const summary = (runId: string, status: 'ok' | 'cancelled') => ({
      runId, mode: 'update' as const, status, durationMs: 1,
      tools: { t1: { status: 'ok' as const, messages: [], outputs: { Output: { metadata: fields(runId) } }, results: [] }, t2: { status, messages: [], outputs: {}, results: [] } },
    });
    apply({ type: 'run-started', runId: 'u1', mode: 'update', toolIds: ['t1', 't2'] });
    apply({ type: 'run-started', runId: 'u2', mode: 'update', toolIds: ['t1', 't2'] });
    store.getState().applyUpdateSummary(summary('u2', 'ok'));
    // the aborted u1 reports last: its tools were cancelled because u2 replaced it
    apply({ type: 'tool-status', runId: 'u1', toolId: 't2', status: 'cancelled' });
    apply({ type: 'anchor-opened', runId: 'u1', toolId: 't1', anchor: 'Output', metadata: fields('u1') });
    store.getState().applyUpdateSummary(summary('u1', 'cancelled'));
    apply({ type: 'run-started', runId: 'u1', mode: 'update', toolIds: ['t1', 't2'] });
    const state = store.getState();
    expect(state.updateRunId).toBe('u2');
    expect(state.updateStatus).toEqual({ t1: 'ok', t2: 'ok' });
    expect(metadataOf(state, 't1', 'Output')).toEqual(fields('u2'));
  });
});
