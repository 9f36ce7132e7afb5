import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/apiBridge.js';
import { appMenuTemplate, type MenuActions } from './appMenuTemplate.js';

function recordingActions() {
  const calls: string[] = [];
  const sent: MenuCommand[] = [];
  const actions: MenuActions = {
    newWindow: () => calls.push('newWindow'),
    openWorkflow: () => calls.push('openWorkflow'),
    openRecent: (file) => calls.push(`openRecent ${file}`),
    clearRecent: () => calls.push('clearRecent'),
    saveAs: () => calls.push('saveAs'),
    closeWindow: () => calls.push('closeWindow'),
    installPlugin: () => calls.push('installPlugin'),
    loadPluginFolder: () => calls.push('loadPluginFolder'),
    send: (command) => sent.push(command),
  };
  return { actions, calls, sent };
}

function find(template: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions {
  let items = template;
  let item: MenuItemConstructorOptions | undefined;
  for (const label of labels) {
    item = items.find((candidate) => candidate.label === label || candidate.role === label);
    if (!item) throw new Error(`no menu item ${labels.join(' > ')}`);
    items = (item.submenu ?? []) as MenuItemConstructorOptions[];
  }
  return item!;
}

const click = (item: MenuItemConstructorOptions) =>
  (item.click as unknown as () => void)();

describe('appMenuTemplate', () => {
  const context = { platform: 'linux' as NodeJS.Platform, recentFiles: ['/w/a.weft.json'], developerTools: false };

  it('has the menus and items of the issue', () => {
    const template = appMenuTemplate(recordingActions().actions, context);
    expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Workflow', 'Plugins']);
    const labels = (menu: string) => ((find(template, menu).submenu ?? []) as MenuItemConstructorOptions[])
      .filter((item) => item.type !== 'separator').map((item) => item.label ?? item.role);
    expect(labels('File')).toEqual(['New', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Close', 'quit']);
    expect(labels('Edit')).toEqual(['Undo', 'Redo', 'cut', 'copy', 'paste', 'Delete', 'selectAll']);
    expect(labels('View')).toEqual(expect.arrayContaining(['Zoom In', 'Zoom Out', 'Fit', 'Toggle Results', 'Toggle Tools Palette']));
    expect(labels('Workflow')).toEqual(['Run', 'Cancel']);
    expect(labels('Plugins')).toEqual(['Install from Folder…', 'Load Folder for Development…', 'Manage Plugins']);
  });

  it('routes items to host actions or renderer commands', () => {
    const { actions, calls, sent } = recordingActions();
    const template = appMenuTemplate(actions, context);
    click(find(template, 'File', 'New'));
    click(find(template, 'File', 'Open Recent', 'a.weft.json  —  /w/a.weft.json'));
    click(find(template, 'File', 'Save'));
    click(find(template, 'Edit', 'Undo'));
    click(find(template, 'Workflow', 'Run'));
    click(find(template, 'Plugins', 'Install from Folder…'));
    click(find(template, 'Plugins', 'Manage Plugins'));
    expect(calls).toEqual(['newWindow', 'openRecent /w/a.weft.json', 'installPlugin']);
    expect(sent).toEqual([{ command: 'save' }, { command: 'undo' }, { command: 'run' }, { command: 'manage-plugins' }]);
  });

  it('leaves the shortcuts the page handles to the page', () => {
    const template = appMenuTemplate(recordingActions().actions, context);
    for (const path of [['Edit', 'Undo'], ['Edit', 'Redo'], ['Edit', 'Delete'], ['File', 'Save'], ['File', 'Open…'], ['Workflow', 'Run']]) {
      expect(find(template, ...path).registerAccelerator, path.join(' > ')).toBe(false);
    }
    expect(find(template, 'File', 'New').registerAccelerator).toBeUndefined();
  });

  it('shows an empty Open Recent and the macOS app menu', () => {
    const template = appMenuTemplate(recordingActions().actions, { ...context, platform: 'darwin', recentFiles: [] });
    expect(template[0].role).toBe('appMenu');
    expect(find(template, 'File', 'Open Recent', 'No Recent Workflows').enabled).toBe(false);
  });
});
