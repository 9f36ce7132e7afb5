/**
 * How the WeftApi travels between a host and the renderer: the WebSocket messages of the browser
 * mode, the IPC channels of the Electron app, the object the Electron preload puts on
 * `window.weft`, and the desktop-shell extras (menu commands, native path pickers, window state)
 * that only the Electron app has. Both hosts and the renderer's `api/` module build on these
 * types, so a message shape is written down once.
 */
import type { PluginChange, ApiResult, Unsubscribe, WeftApi, WeftApiCommand } from './weftApi.js';
import type { RunEvent } from './runEvents.js';

export type WeftApiArgs<K extends WeftApiCommand> = Parameters<WeftApi[K]>;
export type WeftApiValue<K extends WeftApiCommand> = Awaited<ReturnType<WeftApi[K]>>;

// ---- browser mode: JSON messages over one WebSocket per renderer ----

/** renderer → server */
export interface ApiRequestMessage {
  id: number;
  method: WeftApiCommand;
  args: unknown[];
}

/** server → renderer: the reply to one request (`id` is null when the request had no usable id) */
export interface ApiReplyMessage {
  id: number | null;
  result: ApiResult<unknown>;
}

export type ApiEventMessage =
  | { event: 'runEvent'; payload: RunEvent }
  | { event: 'pluginsChanged'; payload: PluginChange };

export type ServerMessage = ApiReplyMessage | ApiEventMessage;

/** path of the WebSocket endpoint on the browser-mode server */
export const WEB_API_PATH = '/api';
/** query parameter (and cookie name) carrying the browser-mode access token */
export const WEB_TOKEN_PARAM = 'token';

// ---- Electron: IPC channels derived from the command names ----

export function ipcCommandChannel(command: WeftApiCommand): string {
  return `weft:${command}`;
}

export function ipcShellChannel(command: DesktopShellCommand): string {
  return `weft-shell:${command}`;
}

export const IPC_EVENT_CHANNELS = {
  runEvent: 'weft-event:runEvent',
  pluginsChanged: 'weft-event:pluginsChanged',
  menuCommand: 'weft-event:menuCommand',
} as const;

// ---- Electron-only desktop shell ----

/** A menu action of the desktop app, delivered to the renderer of the focused window. */
export type MenuCommand =
  | { command: 'new' }
  /** the user picked a workflow file in the native Open dialog (or in Open Recent) */
  | { command: 'open'; path: string }
  /** save to the current path; when `closeAfterSave`, call `shell.closeWindow()` once saved */
  | { command: 'save'; closeAfterSave?: boolean }
  /** the user picked a target in the native Save As dialog */
  | { command: 'save-as'; path: string }
  | { command: 'undo' | 'redo' | 'delete' }
  | { command: 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'fit-view' }
  | { command: 'toggle-palette' | 'toggle-config' | 'toggle-results' | 'toggle-messages' }
  | { command: 'auto-layout' }
  | { command: 'run' | 'cancel' }
  /** the user picked a plugin folder in the native dialog */
  | { command: 'install-plugin'; path: string }
  | { command: 'load-plugin-folder'; path: string }
  | { command: 'manage-plugins' };

export type MenuCommandName = MenuCommand['command'];

export interface PathRequest {
  /**
   * `file`: any existing file (a tool's config path), no workflow filter; `save-file`: a file to
   * write, which may not exist yet (a native save dialog; e.g. Output Data's path)
   */
  kind: 'open-workflow' | 'save-workflow' | 'folder' | 'file' | 'save-file';
  title?: string;
  defaultPath?: string;
  /** file types offered (an "All files" choice is always added); extensions without the dot */
  filters?: FileFilter[];
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What the window shows; the desktop app uses it for the title, Open Recent and the close prompt. */
export interface DocumentState {
  path: string | null;
  dirty: boolean;
}

export interface UiSettings {
  /** panel sizes in pixels, by panel name (`palette`, `config`, `results`, …) */
  panelSizes: Record<string, number>;
  theme: 'light' | 'dark' | 'system';
  /** workflow files opened or saved, newest first (the start page's Recent; Electron's Open Recent) */
  recentWorkflows?: string[];
  /** tool cards on the canvas */
  cardSize?: 'compact' | 'roomy';
}

export interface DesktopShellBridge {
  /** shows a native file or folder dialog; null when cancelled */
  pickPath(request: PathRequest): Promise<string | null>;
  setDocumentState(state: DocumentState): Promise<void>;
  /** closes this window without the unsaved-changes prompt */
  closeWindow(): Promise<void>;
  /** the workflow this window was opened for (File > Open, Open Recent, a file argument), or null */
  initialWorkflowPath(): Promise<string | null>;
  getUiSettings(): Promise<UiSettings>;
  setUiSettings(settings: Partial<UiSettings>): Promise<void>;
  onMenuCommand(callback: (command: MenuCommand) => void): Unsubscribe;
}

export const DESKTOP_SHELL_COMMANDS = [
  'pickPath', 'setDocumentState', 'closeWindow', 'initialWorkflowPath', 'getUiSettings', 'setUiSettings',
] as const satisfies readonly (keyof DesktopShellBridge)[];

export type DesktopShellCommand = (typeof DESKTOP_SHELL_COMMANDS)[number];

export type WeftBridgeCommands = {
  [K in WeftApiCommand]: (...args: WeftApiArgs<K>) => Promise<ApiResult<WeftApiValue<K>>>;
};

/**
 * The object the Electron preload exposes as `window.weft`. Commands resolve to an ApiResult
 * rather than rejecting, because an Error crossing contextBridge loses its place fields; the
 * renderer's api module turns `{ ok: false }` back into a rejection.
 */
export interface WeftBridge extends WeftBridgeCommands {
  onRunEvent: WeftApi['onRunEvent'];
  onPluginsChanged: WeftApi['onPluginsChanged'];
  shell: DesktopShellBridge;
}

export const DEFAULT_UI_SETTINGS: UiSettings = { panelSizes: {}, theme: 'system' };
