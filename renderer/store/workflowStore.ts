/**
 * The open workflow: the shared/workflow.ts model is the source of truth; React Flow nodes and
 * edges are derived from it. Every edit goes through `applyEdit`, which records undo history.
 */
import { createStore, useStore } from 'zustand';
import type { ToolDescriptor } from '../../shared/manifest.js';
import { emptyWorkflow, type Connection, type Group, type Note, type Position, type Size, type Workflow } from '../../shared/workflow.js';
import type { ClipboardFragment } from '../model/clipboardFormat.js';
import { remapFragment } from '../model/clipboardFormat.js';
import { emptyHistory, recordEdit, redo, undo, type History } from '../model/history.js';
import { nextToolId } from '../model/toolIds.js';
import * as layers from '../model/layerEdits.js';
import * as edits from '../model/workflowEdits.js';

/** What kind of edit happened last: structure and config edits trigger update-only, cosmetic ones (moves, annotations) do not. */
export type EditKind = 'replace' | 'structure' | 'config' | 'cosmetic' | 'history';

export interface WorkflowState {
  workflow: Workflow;
  path: string | null;
  dirty: boolean;
  missingPlugins: string[];
  history: History<Workflow>;
  /** increases with every change of `workflow` */
  revision: number;
  lastEditKind: EditKind;
}

export interface WorkflowActions {
  replaceWorkflow(workflow: Workflow, path: string | null, missingPlugins?: string[]): void;
  markSaved(path: string): void;
  applyEdit(kind: Exclude<EditKind, 'replace' | 'history'>, edit: (workflow: Workflow) => Workflow, coalesceKey?: string): void;
  addToolFromDescriptor(descriptor: ToolDescriptor, position: Position): string;
  deleteItems(toolIds: ReadonlySet<string>, connectionKeys: ReadonlySet<string>, noteIds?: ReadonlySet<string>, groupIds?: ReadonlySet<string>): void;
  addNoteAt(position: Position, text?: string): string;
  groupTools(toolIds: ReadonlySet<string>, sizes: ReadonlyMap<string, Size>): string | null;
  updateNote(id: string, patch: Partial<Omit<Note, 'id'>>): void;
  updateGroup(id: string, patch: Partial<Omit<Group, 'id'>>): void;
  /** moves tools, notes and groups (a drag); tools dropped into or out of a group change group */
  moveItems(moves: layers.LayerMoves, sizes: ReadonlyMap<string, Size>): void;
  connectAnchors(connection: Connection): void;
  setToolConfig(toolId: string, config: Record<string, unknown>): void;
  setToolAnnotation(toolId: string, annotation: string): void;
  moveTools(positions: ReadonlyMap<string, Position>): void;
  pasteFragment(fragment: ClipboardFragment): string[];
  undoEdit(): void;
  redoEdit(): void;
}

export type WorkflowStore = WorkflowState & WorkflowActions;

export function createWorkflowStore(now: () => number = Date.now) {
  return createStore<WorkflowStore>()((set, get) => ({
    workflow: emptyWorkflow(),
    path: null,
    dirty: false,
    missingPlugins: [],
    history: emptyHistory<Workflow>(),
    revision: 0,
    lastEditKind: 'replace',

    replaceWorkflow: (workflow, path, missingPlugins = []) => set((state) => ({
      workflow, path, missingPlugins, dirty: false, history: emptyHistory<Workflow>(),
      revision: state.revision + 1, lastEditKind: 'replace',
    })),

    markSaved: (path) => set({ path, dirty: false }),

    applyEdit: (kind, edit, coalesceKey) => {
      const state = get();
      const next = edit(state.workflow);
      if (next === state.workflow) return;
      set({
        workflow: next,
        dirty: true,
        history: recordEdit(state.history, state.workflow, coalesceKey ?? null, now()),
        revision: state.revision + 1,
        lastEditKind: kind,
      });
    },

    addToolFromDescriptor: (descriptor, position) => {
      const id = nextToolId(get().workflow);
      const config = structuredClone(descriptor.defaultConfig);
      get().applyEdit('structure', (workflow) => edits.addTool(workflow, { id, plugin: descriptor.id, config, position }));
      return id;
    },

    deleteItems: (toolIds, connectionKeys, noteIds = new Set(), groupIds = new Set()) => get().applyEdit('structure',
      (workflow) => layers.removeLayers(edits.removeConnections(edits.removeTools(workflow, toolIds), connectionKeys), noteIds, groupIds)),

    addNoteAt: (position, text = '') => {
      const id = layers.nextLayerId(get().workflow, 'n');
      get().applyEdit('cosmetic', (workflow) => layers.addNote(workflow, position, text));
      return id;
    },

    groupTools: (toolIds, sizes) => {
      const { workflow, groupId } = layers.groupTools(get().workflow, toolIds, sizes);
      if (groupId) get().applyEdit('structure', () => workflow);
      return groupId;
    },

    updateNote: (id, patch) => get().applyEdit('cosmetic', (workflow) => layers.updateNote(workflow, id, patch), `note:${id}:${Object.keys(patch).join()}`),

    // disabling changes what runs: the update-only run must follow
    updateGroup: (id, patch) => get().applyEdit('disabled' in patch ? 'structure' : 'cosmetic',
      (workflow) => layers.updateGroup(workflow, id, patch), `group:${id}:${Object.keys(patch).join()}`),

    moveItems: (moves, sizes) => {
      const before = get().workflow;
      const after = layers.moveItems(before, moves, sizes);
      const regrouped = after.tools.some((tool, index) => tool.group !== before.tools[index]?.group);
      get().applyEdit(regrouped ? 'structure' : 'cosmetic', () => after);
    },

    connectAnchors: (connection) => get().applyEdit('structure', (workflow) => edits.addConnection(workflow, connection)),

    setToolConfig: (toolId, config) => get().applyEdit('config',
      (workflow) => edits.setToolConfig(workflow, toolId, config), `config:${toolId}`),

    setToolAnnotation: (toolId, annotation) => get().applyEdit('cosmetic',
      (workflow) => edits.setToolAnnotation(workflow, toolId, annotation), `annotation:${toolId}`),

    moveTools: (positions) => get().applyEdit('cosmetic', (workflow) => edits.moveTools(workflow, positions)),

    pasteFragment: (fragment) => {
      const remapped = remapFragment(get().workflow, fragment);
      const notes = remapped.notes ?? [];
      const groups = remapped.groups ?? [];
      if (remapped.tools.length === 0 && notes.length === 0 && groups.length === 0) return [];
      get().applyEdit('structure', (workflow) => edits.addFragment(workflow, remapped.tools, remapped.connections, notes, groups));
      return [...remapped.tools.map((tool) => tool.id), ...notes.map((note) => layers.noteNodeId(note.id)), ...groups.map((group) => layers.groupNodeId(group.id))];
    },

    undoEdit: () => {
      const state = get();
      const step = undo(state.history, state.workflow);
      if (step) set({ workflow: step.present, history: step.history, dirty: true, revision: state.revision + 1, lastEditKind: 'history' });
    },

    redoEdit: () => {
      const state = get();
      const step = redo(state.history, state.workflow);
      if (step) set({ workflow: step.present, history: step.history, dirty: true, revision: state.revision + 1, lastEditKind: 'history' });
    },
  }));
}

export const workflowStore = createWorkflowStore();

export function useWorkflowStore<T>(selector: (state: WorkflowStore) => T): T {
  return useStore(workflowStore, selector);
}
