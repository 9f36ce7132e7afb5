/** The tool catalog (palette): every tool the host knows, refreshed when plugins change. */
import { createStore, useStore } from 'zustand';
import type { ToolDescriptor } from '../../shared/manifest.js';

export interface CatalogState {
  tools: ToolDescriptor[];
  byId: ReadonlyMap<string, ToolDescriptor>;
  loaded: boolean;
  error: string | null;
}

export interface CatalogActions {
  setTools(tools: ToolDescriptor[]): void;
  setCatalogError(message: string): void;
}

export type CatalogStore = CatalogState & CatalogActions;

export function createCatalogStore() {
  return createStore<CatalogStore>()((set) => ({
    tools: [],
    byId: new Map(),
    loaded: false,
    error: null,
    setTools: (tools) => set({ tools, byId: new Map(tools.map((tool) => [tool.id, tool])), loaded: true, error: null }),
    setCatalogError: (message) => set({ error: message }),
  }));
}

export const catalogStore = createCatalogStore();

export function useCatalogStore<T>(selector: (state: CatalogStore) => T): T {
  return useStore(catalogStore, selector);
}
