/**
 * Connecting without a mouse: Enter on an output anchor picks it, Enter on an input anchor then
 * connects the two; Escape lets go.
 */
import { createStore, useStore } from 'zustand';

export interface PickedAnchor {
  tool: string;
  anchor: string;
}

export interface KeyboardConnectState {
  picked: PickedAnchor | null;
  pickAnchor(anchor: PickedAnchor | null): void;
}

export const keyboardConnectStore = createStore<KeyboardConnectState>()((set) => ({
  picked: null,
  pickAnchor: (anchor) => set({ picked: anchor }),
}));

export function useKeyboardConnectStore<T>(selector: (state: KeyboardConnectState) => T): T {
  return useStore(keyboardConnectStore, selector);
}
