/** What the user has selected on the canvas, and which anchor the results panel shows. */
import { createStore, useStore } from 'zustand';

export interface SelectionState {
  toolIds: string[];
  connectionKeys: string[];
  /** selected notes and groups, by canvas node id (`note:n1`, `group:g1`) */
  layerIds: string[];
  /** the anchor shown in the results panel, as `in:<name>` or `out:<name>` */
  resultAnchor: string | null;
}

export interface SelectionActions {
  setSelection(toolIds: string[], connectionKeys: string[], layerIds?: string[]): void;
  selectTool(toolId: string): void;
  clearSelection(): void;
  selectResultAnchor(anchor: string | null): void;
}

export type SelectionStore = SelectionState & SelectionActions;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

export function createSelectionStore() {
  return createStore<SelectionStore>()((set, get) => ({
    toolIds: [],
    connectionKeys: [],
    layerIds: [],
    resultAnchor: null,
    setSelection: (toolIds, connectionKeys, layerIds = []) => {
      const state = get();
      const tools = [...toolIds].sort();
      const connections = [...connectionKeys].sort();
      const layers = [...layerIds].sort();
      if (sameList(tools, state.toolIds) && sameList(connections, state.connectionKeys) && sameList(layers, state.layerIds)) return;
      const keepAnchor = tools.length === 1 && sameList(tools, state.toolIds);
      set({ toolIds: tools, connectionKeys: connections, layerIds: layers, resultAnchor: keepAnchor ? state.resultAnchor : null });
    },
    selectTool: (toolId) => get().setSelection([toolId], []),
    clearSelection: () => get().setSelection([], []),
    selectResultAnchor: (anchor) => set({ resultAnchor: anchor }),
  }));
}

export const selectionStore = createSelectionStore();

export function useSelectionStore<T>(selector: (state: SelectionStore) => T): T {
  return useStore(selectionStore, selector);
}
