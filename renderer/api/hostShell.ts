/**
 * What the window around the renderer offers besides the WeftApi: menu commands, native path
 * pickers, document state (title, Open Recent, the unsaved-changes prompt) and UI settings.
 * In Electron it goes to the main process; in browser mode it is done in the page (settings in
 * localStorage, a beforeunload prompt, no native pickers: the renderer shows its in-app dialog
 * built on `listDirectory`).
 */
import {
  DEFAULT_UI_SETTINGS, type DesktopShellBridge, type DocumentState, type MenuCommand, type PathRequest, type UiSettings,
} from '../../shared/apiBridge.js';
import type { Unsubscribe } from '../../shared/weftApi.js';
import { windowBridge } from './windowBridge.js';

export interface HostShell {
  readonly kind: 'electron' | 'browser';
  /** a native file/folder dialog (null result when cancelled); null in browser mode */
  readonly pickPath: ((request: PathRequest) => Promise<string | null>) | null;
  /** the window title, Open Recent and the close prompt follow this; call it on every change */
  setDocumentState(state: DocumentState): void;
  /** closes the window without asking (after a save that a close prompt asked for) */
  closeWindow(): void;
  /** the workflow to open at start (Electron: File > Open in a new window; browser: `?open=PATH`) */
  initialWorkflowPath(): Promise<string | null>;
  getUiSettings(): Promise<UiSettings>;
  setUiSettings(settings: Partial<UiSettings>): void;
  /** menu commands from the app menu (Electron) and from `dispatchMenuCommand` (both modes) */
  onMenuCommand(callback: (command: MenuCommand) => void): Unsubscribe;
  /** lets the renderer's own menu bar and buttons go through the same handler as the app menu */
  dispatchMenuCommand(command: MenuCommand): void;
}

const SETTINGS_KEY = 'weft.uiSettings';
let shell: HostShell | undefined;

export function getHostShell(): HostShell {
  if (!shell) {
    const bridge = windowBridge();
    shell = bridge ? electronShell(bridge.shell) : browserShell();
  }
  return shell;
}

function documentTitle(state: DocumentState): string {
  const name = state.path ? state.path.split(/[\\/]/).pop() : 'Untitled';
  return `${state.dirty ? '• ' : ''}${name} — Weft`;
}

function localListeners() {
  const listeners = new Set<(command: MenuCommand) => void>();
  return {
    add(callback: (command: MenuCommand) => void): Unsubscribe {
      listeners.add(callback);
      return () => { listeners.delete(callback); };
    },
    dispatch(command: MenuCommand) {
      for (const listener of listeners) listener(command);
    },
  };
}

function electronShell(bridge: DesktopShellBridge): HostShell {
  const local = localListeners();
  const report = (promise: Promise<unknown>): void => {
    promise.catch((error: unknown) => console.error('weft shell:', error));
  };
  return {
    kind: 'electron',
    pickPath: async (request) => bridge.pickPath(request),
    setDocumentState: (state) => {
      document.title = documentTitle(state);
      report(bridge.setDocumentState(state));
    },
    closeWindow: () => { report(bridge.closeWindow()); },
    initialWorkflowPath: () => bridge.initialWorkflowPath(),
    getUiSettings: () => bridge.getUiSettings(),
    setUiSettings: (settings) => { report(bridge.setUiSettings(settings)); },
    onMenuCommand: (callback) => {
      const offLocal = local.add(callback);
      const offBridge = bridge.onMenuCommand(callback);
      return () => { offLocal(); offBridge(); };
    },
    dispatchMenuCommand: (command) => local.dispatch(command),
  };
}

function browserShell(): HostShell {
  const local = localListeners();
  let dirty = false;
  window.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });
  const readSettings = (): UiSettings => {
    try {
      const stored = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<UiSettings>;
      return { ...DEFAULT_UI_SETTINGS, ...stored };
    } catch {
      return { ...DEFAULT_UI_SETTINGS };
    }
  };
  return {
    kind: 'browser',
    pickPath: null,
    setDocumentState: (state) => {
      dirty = state.dirty;
      document.title = documentTitle(state);
    },
    closeWindow: () => window.close(),
    initialWorkflowPath: async () => new URLSearchParams(window.location.search).get('open'),
    getUiSettings: async () => readSettings(),
    setUiSettings: (settings) => {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify({ ...readSettings(), ...settings }));
    },
    onMenuCommand: (callback) => local.add(callback),
    dispatchMenuCommand: (command) => local.dispatch(command),
  };
}

