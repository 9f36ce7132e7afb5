import { describe, expect, it } from 'vitest';
import { copyFragment } from '../model/clipboardFormat.js';
import { connectionKey } from '../model/connectionKey.js';
import { COALESCE_MS } from '../model/history.js';
import { describeTestTool } from '../model/testCatalog.js';
import { createWorkflowStore } from './workflowStore.js';

function storeAt() {
  const clock = { now: 1_000 };
  const store = createWorkflowStore(() => clock.now);
  return { store, clock, actions: store.getState() };
}

const source = describeTestTool('weft/source')!;
const filter = describeTestTool('weft/filter')!;
const ids = (store: ReturnType<typeof storeAt>['store']) => store.getState().workflow.tools.map((tool) => tool.id);

describe('workflow store: every edit can be undone and redone', () => {
  it('add, connect, move, config, delete, paste — undone in reverse order and redone', () => {
    const { store, clock, actions } = storeAt();
    const snapshots = [store.getState().workflow];
    const step = (edit: () => void) => { clock.now += COALESCE_MS * 2; edit(); snapshots.push(store.getState().workflow); };
    step(() => actions.addToolFromDescriptor(source, { x: 0, y: 0 }));
    step(() => actions.addToolFromDescriptor(filter, { x: 200, y: 0 }));
    step(() => actions.connectAnchors({ from: { tool: 't1', anchor: 'Output' }, to: { tool: 't2', anchor: 'Input' } }));
    step(() => actions.moveTools(new Map([['t2', { x: 240, y: 32 }]])));
    step(() => actions.setToolConfig('t2', { expression: '[a] > 1' }));
    step(() => actions.pasteFragment(copyFragment(store.getState().workflow, new Set(['t1', 't2']))));
    step(() => actions.deleteItems(new Set(['t1']), new Set()));
    expect(ids(store)).toEqual(['t2', 't3', 't4']);
    expect(store.getState().workflow.connections.map(connectionKey)).toEqual(['t3:Output->t4:Input']);

    for (let index = snapshots.length - 2; index >= 0; index -= 1) {
      store.getState().undoEdit();
      expect(store.getState().workflow).toBe(snapshots[index]);
    }
    store.getState().undoEdit();
    expect(store.getState().workflow).toBe(snapshots[0]);
    for (let index = 1; index < snapshots.length; index += 1) {
      store.getState().redoEdit();
      expect(store.getState().workflow).toBe(snapshots[index]);
    }
  });

  it('typing in one config field is one undo step; a new edit clears redo', () => {
    const { store, clock, actions } = storeAt();
    actions.addToolFromDescriptor(filter, { x: 0, y: 0 });
    clock.now += COALESCE_MS * 2;
    for (const text of ['[', '[a', '[a]', '[a] > 1']) {
      clock.now += 100;
      actions.setToolConfig('t1', { expression: text });
    }
    expect(store.getState().history.past).toHaveLength(2);
    actions.undoEdit();
    expect(store.getState().workflow.tools[0]!.config).toEqual({});
    expect(store.getState().history.future).toHaveLength(1);
    actions.moveTools(new Map([['t1', { x: 16, y: 16 }]]));
    expect(store.getState().history.future).toHaveLength(0);
  });

  it('reports structure and config edits apart from cosmetic ones, and no-op edits not at all', () => {
    const { store, actions } = storeAt();
    actions.addToolFromDescriptor(source, { x: 0, y: 0 });
    expect(store.getState().lastEditKind).toBe('structure');
    const revision = store.getState().revision;
    actions.moveTools(new Map([['t1', { x: 0, y: 0 }]]));
    expect(store.getState().revision).toBe(revision);
    actions.moveTools(new Map([['t1', { x: 16, y: 0 }]]));
    expect(store.getState().lastEditKind).toBe('cosmetic');
    actions.setToolConfig('t1', { rows: 2 });
    expect(store.getState().lastEditKind).toBe('config');
    expect(store.getState().dirty).toBe(true);
    actions.markSaved('/tmp/a.weft.json');
    expect(store.getState()).toMatchObject({ dirty: false, path: '/tmp/a.weft.json' });
  });

  it('starts a new tool from its defaults, copied', () => {
    const { store, actions } = storeAt();
    const withDefaults = { ...filter, defaultConfig: { expression: 'true', nested: { a: 1 } } };
    actions.addToolFromDescriptor(withDefaults, { x: 0, y: 0 });
    const config = store.getState().workflow.tools[0]!.config;
    expect(config).toEqual({ expression: 'true', nested: { a: 1 } });
    expect(config.nested).not.toBe(withDefaults.defaultConfig.nested);
  });
});
