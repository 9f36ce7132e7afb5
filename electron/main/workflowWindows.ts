/**
 * One window per workflow. Each window has its own engine session (events go to that window
 * only), remembers what document it shows (title, Open Recent, the close prompt), and asks before
 * closing with unsaved changes.
 */
import { BrowserWindow, dialog, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { IPC_EVENT_CHANNELS, type DocumentState, type MenuCommand, type PathRequest } from '../../shared/apiBridge.js';
import type { WeftSession } from '../engine/service/index.js';
import { APP_INDEX_URL } from './appProtocol.js';
import type { AppSettings } from './appSettings.js';
import type { WindowApiTarget } from './apiIpc.js';

export interface WorkflowWindowsOptions {
  preloadPath: string;
  settings: AppSettings;
  openSession(): WeftSession;
  /** Open Recent changed (the menu is rebuilt) */
  onRecentFilesChanged(): void;
}

interface WorkflowWindow {
  window: BrowserWindow;
  session: WeftSession;
  target: WindowApiTarget;
  document: DocumentState;
  initialPath: string | null;
  closeConfirmed: boolean;
}

const WORKFLOW_FILTERS = [{ name: 'Weft workflows', extensions: ['weft.json', 'json'] }];
/** Open also converts Alteryx workflows (docs/import.md) */
const OPEN_FILTERS = [{ name: 'Workflows', extensions: ['weft.json', 'json', 'yxmd', 'yxmc', 'yxwz'] }, ...WORKFLOW_FILTERS, { name: 'Alteryx workflows', extensions: ['yxmd', 'yxmc', 'yxwz'] }];

/** a tool's file types, then "All files" (no filter when the tool names no types) */
function withAllFiles(filters: PathRequest['filters']): PathRequest['filters'] {
  return filters && filters.length > 0 ? [...filters, { name: 'All files', extensions: ['*'] }] : undefined;
}

export class WorkflowWindows {
  private readonly byContents = new Map<number, WorkflowWindow>();

  constructor(private readonly options: WorkflowWindowsOptions) {}

  count(): number {
    return this.byContents.size;
  }

  targetFor(event: IpcMainInvokeEvent): WindowApiTarget | undefined {
    return this.byContents.get(event.sender.id)?.target;
  }

  focused(): BrowserWindow | undefined {
    return BrowserWindow.getFocusedWindow() ?? [...this.byContents.values()][0]?.window;
  }

  /** a window showing nothing yet (untitled and unchanged) that an Open can reuse */
  private reusable(window: BrowserWindow | undefined): WorkflowWindow | undefined {
    const entry = window ? this.byContents.get(window.webContents.id) : undefined;
    return entry && entry.document.path === null && !entry.document.dirty ? entry : undefined;
  }

  sendMenuCommand(window: BrowserWindow | undefined, command: MenuCommand): void {
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNELS.menuCommand, command);
  }

  /** opens `file` in the focused window when that shows nothing yet, else in a new window */
  openWorkflow(file: string): void {
    const reuse = this.reusable(this.focused());
    if (reuse) this.sendMenuCommand(reuse.window, { command: 'open', path: file });
    else this.open(file);
  }

  async pickPath(window: BrowserWindow | undefined, request: PathRequest): Promise<string | null> {
    const base = { title: request.title, defaultPath: request.defaultPath };
    if (request.kind === 'save-workflow' || request.kind === 'save-file') {
      // a tool's output file may not exist yet: only a save dialog lets the user name a new one
      const filters = request.kind === 'save-workflow' ? WORKFLOW_FILTERS : withAllFiles(request.filters);
      const result = window
        ? await dialog.showSaveDialog(window, { ...base, filters })
        : await dialog.showSaveDialog({ ...base, filters });
      return result.canceled || !result.filePath ? null : result.filePath;
    }
    const properties: ('openFile' | 'openDirectory')[] = request.kind === 'folder' ? ['openDirectory'] : ['openFile'];
    const filters = request.kind === 'open-workflow' ? OPEN_FILTERS : withAllFiles(request.filters);
    const result = window
      ? await dialog.showOpenDialog(window, { ...base, properties, filters })
      : await dialog.showOpenDialog({ ...base, properties, filters });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  open(initialPath: string | null): BrowserWindow {
    const saved = this.options.settings.windowBounds();
    const offset = this.byContents.size * 24;
    const window = new BrowserWindow({
      width: saved.width,
      height: saved.height,
      x: saved.x === undefined ? undefined : saved.x + offset,
      y: saved.y === undefined ? undefined : saved.y + offset,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Weft',
      webPreferences: {
        preload: this.options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
      },
    });
    if (saved.maximized && this.byContents.size === 0) window.maximize();
    const contentsId = window.webContents.id;
    const session = this.options.openSession();
    const entry: WorkflowWindow = {
      window,
      session,
      document: { path: initialPath, dirty: false },
      initialPath,
      closeConfirmed: false,
      target: { session, shell: this.shellFor(() => entry) },
    };
    this.byContents.set(contentsId, entry);

    const push = (channel: string, payload: unknown) => {
      if (!window.isDestroyed()) window.webContents.send(channel, payload);
    };
    const unsubscribes = [
      session.onRunEvent((event) => push(IPC_EVENT_CHANNELS.runEvent, event)),
      session.onPluginsChanged((change) => push(IPC_EVENT_CHANNELS.pluginsChanged, change)),
    ];

    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => this.confirmClose(event, entry));
    window.on('closed', () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
      session.dispose();
      this.byContents.delete(contentsId);
    });
    void window.loadURL(APP_INDEX_URL);
    if (initialPath) this.rememberRecent(initialPath);
    return window;
  }

  private shellFor(entry: () => WorkflowWindow): WindowApiTarget['shell'] {
    return {
      pickPath: (request) => this.pickPath(entry().window, request),
      setDocumentState: async (state) => {
        const current = entry();
        const pathChanged = state.path !== current.document.path;
        current.document = state;
        const name = state.path ? path.basename(state.path) : 'Untitled';
        current.window.setTitle(`${state.dirty ? '• ' : ''}${name} — Weft`);
        current.window.setDocumentEdited(state.dirty);
        if (state.path) current.window.setRepresentedFilename(state.path);
        if (pathChanged && state.path) this.rememberRecent(state.path);
      },
      closeWindow: async () => {
        const current = entry();
        current.closeConfirmed = true;
        current.window.close();
      },
      initialWorkflowPath: async () => entry().initialPath,
      getUiSettings: async () => this.options.settings.uiSettings(),
      setUiSettings: async (settings) => this.options.settings.setUiSettings(settings),
    };
  }

  private rememberRecent(file: string): void {
    this.options.settings.addRecentFile(file);
    this.options.onRecentFilesChanged();
  }

  private confirmClose(event: Electron.Event, entry: WorkflowWindow): void {
    const { window } = entry;
    this.options.settings.setWindowBounds({ ...window.getNormalBounds(), maximized: window.isMaximized() });
    if (entry.closeConfirmed || !entry.document.dirty) return;
    event.preventDefault();
    const name = entry.document.path ? path.basename(entry.document.path) : 'Untitled';
    void dialog.showMessageBox(window, {
      type: 'warning',
      buttons: ['Save', "Don't Save", 'Cancel'],
      defaultId: 0,
      cancelId: 2,
      message: `Save the changes to ${name}?`,
      detail: 'Your changes are lost if you close without saving.',
    }).then(({ response }) => {
      if (response === 0) {
        this.sendMenuCommand(window, { command: 'save', closeAfterSave: true });
      } else if (response === 1) {
        entry.closeConfirmed = true;
        window.close();
      }
    });
  }
}
