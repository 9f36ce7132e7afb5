/**
 * The app menu as a template (File, Edit, View, Workflow, Plugins, Help). It only describes items;
 * what they do is passed in, so the template can be checked without Electron running.
 *
 * Shortcuts the renderer handles itself in both modes (Ctrl+Z, Ctrl+Shift+Z, Delete, Ctrl+S,
 * Ctrl+O, F5) are shown but not registered here, so a key press is handled once, by the page.
 * Cut, Copy, Paste and Select All use Electron's roles: they act on the focused text field, and
 * otherwise reach the renderer as the DOM `cut`/`copy`/`paste` events it listens to for the canvas.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/apiBridge.js';

export interface MenuActions {
  newWindow(): void;
  openWorkflow(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  saveAs(): void;
  closeWindow(): void;
  installPlugin(): void;
  loadPluginFolder(): void;
  /** sends a command to the renderer of the focused window */
  send(command: MenuCommand): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  recentFiles: string[];
  developerTools: boolean;
}

export function appMenuTemplate(actions: MenuActions, context: MenuContext): MenuItemConstructorOptions[] {
  const isMac = context.platform === 'darwin';
  const send = (command: MenuCommand) => () => actions.send(command);
  const pageKey = (accelerator: string) => ({ accelerator, registerAccelerator: false });
  const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

  const recent: MenuItemConstructorOptions[] = context.recentFiles.length === 0
    ? [{ label: 'No Recent Workflows', enabled: false }]
    : [
        ...context.recentFiles.map((file) => ({ label: `${fileName(file)}  —  ${file}`, click: () => actions.openRecent(file) })),
        { type: 'separator' as const },
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ];

  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New', accelerator: 'CmdOrCtrl+N', click: () => actions.newWindow() },
        { label: 'Open…', ...pageKey('CmdOrCtrl+O'), click: () => actions.openWorkflow() },
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        { label: 'Save', ...pageKey('CmdOrCtrl+S'), click: send({ command: 'save' }) },
        { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveAs() },
        { type: 'separator' },
        { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => actions.closeWindow() },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', ...pageKey('CmdOrCtrl+Z'), click: send({ command: 'undo' }) },
        { label: 'Redo', ...pageKey('CmdOrCtrl+Shift+Z'), click: send({ command: 'redo' }) },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { label: 'Delete', ...pageKey('Delete'), click: send({ command: 'delete' }) },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', click: send({ command: 'zoom-in' }) },
        { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', click: send({ command: 'zoom-out' }) },
        { label: 'Actual Size', accelerator: 'CmdOrCtrl+0', click: send({ command: 'zoom-reset' }) },
        { label: 'Fit', accelerator: 'CmdOrCtrl+1', click: send({ command: 'fit-view' }) },
        { label: 'Auto Layout', click: send({ command: 'auto-layout' }) },
        { type: 'separator' },
        { label: 'Toggle Tools Palette', click: send({ command: 'toggle-palette' }) },
        { label: 'Toggle Configuration', click: send({ command: 'toggle-config' }) },
        { label: 'Toggle Results', click: send({ command: 'toggle-results' }) },
        { label: 'Toggle Messages', click: send({ command: 'toggle-messages' }) },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(context.developerTools ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    {
      label: 'Workflow',
      submenu: [
        { label: 'Run', ...pageKey('F5'), click: send({ command: 'run' }) },
        { label: 'Cancel', accelerator: 'Shift+F5', click: send({ command: 'cancel' }) },
      ],
    },
    {
      label: 'Plugins',
      submenu: [
        { label: 'Install from Folder…', click: () => actions.installPlugin() },
        { label: 'Load Folder for Development…', click: () => actions.loadPluginFolder() },
        { type: 'separator' },
        { label: 'Manage Plugins', click: send({ command: 'manage-plugins' }) },
      ],
    },
  ];
  if (isMac) template.unshift({ role: 'appMenu' });
  return template;
}
