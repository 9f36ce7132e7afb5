/** One handler for the app menu (Electron), the renderer's own buttons and the keyboard. */
import type { MenuCommand } from '../../shared/apiBridge.js';
import { getHostShell } from '../api/index.js';
import { dialogStore } from '../store/dialogStore.js';
import { settingsStore } from '../store/settingsStore.js';
import { autoLayoutCanvas, fitCanvas, zoomCanvas } from './documentCommands.js';
import { deleteSelection, redoEdit, undoEdit } from './editCommands.js';
import { installPluginFrom, loadPluginFolder } from './pluginCommands.js';
import { cancelCurrentRun, runCurrentWorkflow } from './runCommands.js';
import { newWorkflow, openWorkflowAt, requestSaveWorkflow, saveWorkflowAt } from './workflowCommands.js';

export function runMenuCommand(command: MenuCommand): void {
  switch (command.command) {
    case 'new': newWorkflow(); return;
    case 'open': void openWorkflowAt(command.path); return;
    case 'save':
      void requestSaveWorkflow().then((saved) => { if (saved && command.closeAfterSave) getHostShell().closeWindow(); });
      return;
    case 'save-as': void saveWorkflowAt(command.path); return;
    case 'undo': undoEdit(); return;
    case 'redo': redoEdit(); return;
    case 'delete': deleteSelection(); return;
    case 'zoom-in': zoomCanvas('in'); return;
    case 'zoom-out': zoomCanvas('out'); return;
    case 'zoom-reset': zoomCanvas('reset'); return;
    case 'fit-view': fitCanvas(); return;
    case 'toggle-palette': settingsStore.getState().togglePanel('palette'); return;
    case 'toggle-config': settingsStore.getState().togglePanel('config'); return;
    case 'toggle-results': settingsStore.getState().togglePanel('bottom'); return;
    case 'toggle-messages': settingsStore.getState().showBottomTab('messages'); return;
    case 'auto-layout': autoLayoutCanvas(); return;
    case 'run': void runCurrentWorkflow(); return;
    case 'cancel': void cancelCurrentRun(); return;
    case 'install-plugin': installPluginFrom(command.path); return;
    case 'load-plugin-folder': void loadPluginFolder(command.path); return;
    case 'manage-plugins': dialogStore.getState().openDialog({ kind: 'manage-plugins' }); return;
  }
}

