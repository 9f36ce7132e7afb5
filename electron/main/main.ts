/**
 * Entry of the desktop app: the engine host lives in this process; each window gets a session,
 * the IPC handlers check and forward calls, and the app menu sends commands to the focused
 * window's renderer. Glue only: behaviour lives in the engine and the renderer.
 */
import { app, dialog, Menu } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDataFolder } from '../engine/dataFolder.js';
import { createEngineHost, type EngineHost } from '../engine/service/index.js';
import { registerApiHandlers } from './apiIpc.js';
import { appMenuTemplate, type MenuActions } from './appMenuTemplate.js';
import { registerAppScheme, serveAppScheme } from './appProtocol.js';
import { openAppSettings } from './appSettings.js';
import { denyPermissions, hardenWebContents } from './webContentsSecurity.js';
import { WorkflowWindows } from './workflowWindows.js';

// dist/electron/main/main.js → dist/
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(distDir, 'electron', 'preload', 'preload.cjs');

/** `weft-app [--plugins DIR]… [FILE.weft.json]…` */
function parseCommandLine(argv: string[]): { pluginDirs: string[]; files: string[] } {
  const pluginDirs: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--plugins' && argv[i + 1]) pluginDirs.push(path.resolve(argv[++i]));
    else if (!argv[i].startsWith('-') && /\.json$/i.test(argv[i]) && fs.existsSync(argv[i])) files.push(path.resolve(argv[i]));
  }
  return { pluginDirs, files };
}

// the app, `weft` and the browser mode share one data folder (plugins, state, runs, settings)
const dataDir = resolveDataFolder();
app.setName('Weft');
app.setPath('userData', dataDir);
registerAppScheme();
hardenWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  denyPermissions();
  serveAppScheme(rendererDir);
  const commandLine = parseCommandLine(process.argv.slice(app.isPackaged ? 1 : 2));

  let host: EngineHost;
  try {
    host = await createEngineHost({ dataDir, loadedPluginDirs: commandLine.pluginDirs, watchDataFolder: true, watchLoadedPlugins: true, warmWorkers: true });
  } catch (error) {
    dialog.showErrorBox('Weft could not start its engine', (error as Error).message);
    app.exit(1);
    return;
  }

  const settings = openAppSettings();
  const windows = new WorkflowWindows({
    preloadPath,
    settings,
    openSession: () => host.createSession(),
    onRecentFilesChanged: () => rebuildMenu(),
  });
  registerApiHandlers((event) => windows.targetFor(event));

  const actions: MenuActions = {
    newWindow: () => windows.open(null),
    openWorkflow: () => {
      void windows.pickPath(windows.focused(), { kind: 'open-workflow', title: 'Open workflow' })
        .then((file) => { if (file) windows.openWorkflow(file); });
    },
    openRecent: (file) => {
      if (fs.existsSync(file)) windows.openWorkflow(file);
      else dialog.showErrorBox('Open Recent', `${file} no longer exists.`);
    },
    clearRecent: () => {
      settings.clearRecentFiles();
      rebuildMenu();
    },
    saveAs: () => {
      const window = windows.focused();
      void windows.pickPath(window, { kind: 'save-workflow', title: 'Save workflow as' })
        .then((file) => { if (file) windows.sendMenuCommand(window, { command: 'save-as', path: file }); });
    },
    closeWindow: () => windows.focused()?.close(),
    installPlugin: () => {
      const window = windows.focused();
      void windows.pickPath(window, { kind: 'folder', title: 'Install plugin from folder' })
        .then((dir) => { if (dir) windows.sendMenuCommand(window, { command: 'install-plugin', path: dir }); });
    },
    loadPluginFolder: () => {
      const window = windows.focused();
      void windows.pickPath(window, { kind: 'folder', title: 'Load plugin folder for development' })
        .then((dir) => { if (dir) windows.sendMenuCommand(window, { command: 'load-plugin-folder', path: dir }); });
    },
    send: (command) => windows.sendMenuCommand(windows.focused(), command),
  };

  function rebuildMenu(): void {
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(actions, {
      platform: process.platform,
      recentFiles: settings.recentFiles(),
      developerTools: !app.isPackaged,
    })));
  }
  rebuildMenu();

  app.on('second-instance', (_event, argv) => {
    const { files } = parseCommandLine(argv.slice(1));
    if (files.length === 0) windows.focused()?.focus();
    for (const file of files) windows.openWorkflow(file);
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    windows.openWorkflow(file);
  });
  app.on('activate', () => {
    if (windows.count() === 0) windows.open(null);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    void host.dispose().finally(() => app.quit());
  });

  if (commandLine.files.length === 0) windows.open(null);
  for (const file of commandLine.files) windows.open(file);
}
