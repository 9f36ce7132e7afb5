/** Which in-app dialog is open (file dialogs, plugin dialogs, save as tool, confirmations). */
import { createStore, useStore } from 'zustand';
import type { FileFilter } from '../../shared/apiBridge.js';

export type DialogRequest =
  | { kind: 'open-workflow' }
  | { kind: 'save-workflow' }
  | { kind: 'install-plugin' }
  /** the consent before installing the plugin folder `dir` */
  | { kind: 'install-consent'; dir: string }
  | { kind: 'load-plugin-folder' }
  | { kind: 'manage-plugins' }
  | { kind: 'save-as-tool' }
  | { kind: 'formula-help' }
  /** `mode: 'save'`: a file to write, which may not exist yet */
  | { kind: 'pick-file'; mode: 'open' | 'save'; initialPath: string; onPick: (path: string) => void; filters: FileFilter[] }
  | { kind: 'confirm'; title: string; message: string; confirmLabel: string; onConfirm: () => void };

export interface DialogState {
  dialog: DialogRequest | null;
  /** a short notice at the bottom of the window (saved, installed, errors) */
  notice: { text: string; level: 'info' | 'error' } | null;
}

export interface DialogActions {
  openDialog(dialog: DialogRequest): void;
  closeDialog(): void;
  showNotice(text: string, level?: 'info' | 'error'): void;
  clearNotice(): void;
}

export type DialogStore = DialogState & DialogActions;

export const dialogStore = createStore<DialogStore>()((set) => ({
  dialog: null,
  notice: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
  showNotice: (text, level = 'info') => set({ notice: { text, level } }),
  clearNotice: () => set({ notice: null }),
}));

export function useDialogStore<T>(selector: (state: DialogStore) => T): T {
  return useStore(dialogStore, selector);
}
