/**
 * Whether the start page shows: on a window that opened without a workflow, until the user
 * starts one (New, Open, an example, a recent file) or adds a tool.
 */
import { createStore, useStore } from 'zustand';

export interface StartPageState {
  visible: boolean;
  hideStartPage(): void;
}

export const startPageStore = createStore<StartPageState>()((set) => ({
  visible: true,
  hideStartPage: () => set({ visible: false }),
}));

export function useStartPageStore<T>(selector: (state: StartPageState) => T): T {
  return useStore(startPageStore, selector);
}
