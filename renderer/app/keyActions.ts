/**
 * The actions reachable from the keyboard, each carrying its own key binding (Excalidraw-style
 * `{ name, perform, keyTest }`). Copy and paste go through the clipboard events instead (see
 * useClipboardEvents), so that they reach the system clipboard without a permission prompt.
 */
import { deleteSelection, redoEdit, selectAllTools, undoEdit } from './editCommands.js';
import { runCurrentWorkflow } from './runCommands.js';
import { requestOpenWorkflow, requestSaveWorkflow, requestSaveWorkflowAs } from './workflowCommands.js';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface KeyAction {
  name: string;
  /** shown in tooltips, e.g. `Ctrl+Z` */
  shortcut: string;
  keyTest(event: KeyLike): boolean;
  perform(): void;
  /** also while typing in a text field */
  global?: boolean;
}

const mod = (event: KeyLike) => (event.ctrlKey || event.metaKey) && !event.altKey;
const keyIs = (event: KeyLike, key: string) => event.key.toLowerCase() === key;

export const KEY_ACTIONS: readonly KeyAction[] = [
  { name: 'delete', shortcut: 'Delete', keyTest: (e) => (e.key === 'Delete' || e.key === 'Backspace') && !mod(e), perform: deleteSelection },
  { name: 'undo', shortcut: 'Ctrl+Z', keyTest: (e) => mod(e) && !e.shiftKey && keyIs(e, 'z'), perform: undoEdit },
  { name: 'redo', shortcut: 'Ctrl+Shift+Z', keyTest: (e) => mod(e) && ((e.shiftKey && keyIs(e, 'z')) || (!e.shiftKey && keyIs(e, 'y'))), perform: redoEdit },
  { name: 'selectAll', shortcut: 'Ctrl+A', keyTest: (e) => mod(e) && !e.shiftKey && keyIs(e, 'a'), perform: selectAllTools },
  { name: 'save', shortcut: 'Ctrl+S', global: true, keyTest: (e) => mod(e) && !e.shiftKey && keyIs(e, 's'), perform: () => { void requestSaveWorkflow(); } },
  { name: 'saveAs', shortcut: 'Ctrl+Shift+S', global: true, keyTest: (e) => mod(e) && e.shiftKey && keyIs(e, 's'), perform: () => { void requestSaveWorkflowAs(); } },
  { name: 'open', shortcut: 'Ctrl+O', global: true, keyTest: (e) => mod(e) && !e.shiftKey && keyIs(e, 'o'), perform: requestOpenWorkflow },
  { name: 'run', shortcut: 'F5', global: true, keyTest: (e) => e.key === 'F5' && !mod(e), perform: () => { void runCurrentWorkflow(); } },
];

export function findKeyAction(event: KeyLike, inTextField: boolean): KeyAction | undefined {
  return KEY_ACTIONS.find((action) => (action.global || !inTextField) && action.keyTest(event));
}

export function shortcutOf(name: string): string {
  return KEY_ACTIONS.find((action) => action.name === name)?.shortcut ?? '';
}
