/** New, Open and Save: through the host's native picker in Electron, the in-app dialog in a browser. */
import type { ImportReport } from '../../shared/importReport.js';
import { emptyWorkflow } from '../../shared/workflow.js';
import { getHostShell, getWeftApi } from '../api/index.js';
import { errorText } from '../model/errorText.js';
import { dialogStore } from '../store/dialogStore.js';
import { runStore } from '../store/runStore.js';
import { selectionStore } from '../store/selectionStore.js';
import { settingsStore } from '../store/settingsStore.js';
import { workflowStore } from '../store/workflowStore.js';

export function confirmDiscard(then: () => void): void {
  if (!workflowStore.getState().dirty) {
    then();
    return;
  }
  dialogStore.getState().openDialog({
    kind: 'confirm', title: 'Discard changes?', message: 'The workflow has unsaved changes. Discard them?',
    confirmLabel: 'Discard', onConfirm: then,
  });
}

function replaceWith(...args: Parameters<ReturnType<typeof workflowStore.getState>['replaceWorkflow']>): void {
  selectionStore.getState().clearSelection();
  runStore.getState().resetRunState();
  workflowStore.getState().replaceWorkflow(...args);
}

export function newWorkflow(): void {
  confirmDiscard(() => replaceWith(emptyWorkflow(), null, []));
}

export async function openWorkflowAt(path: string): Promise<boolean> {
  try {
    const opened = await getWeftApi().openWorkflow(path);
    replaceWith(opened.workflow, opened.path, opened.missingPlugins);
    if (opened.importReport) {
      showImportReport(opened.importReport);
      return true;
    }
    settingsStore.getState().noteRecentWorkflow(opened.path);
    const missing = opened.missingPlugins.length;
    dialogStore.getState().showNotice(missing > 0 ? `Opened ${opened.path}; ${missing} tool(s) need a plugin that is not installed` : `Opened ${opened.path}`);
    return true;
  } catch (error) {
    dialogStore.getState().showNotice(errorText(error), 'error');
    return false;
  }
}

const IMPORT_LEVEL = { converted: 'info', approximated: 'warn', unsupported: 'error' } as const;

/** an opened Alteryx workflow: its report in Messages; unsaved until Save writes the .weft.json */
function showImportReport(report: ImportReport): void {
  workflowStore.setState({ dirty: true });
  runStore.getState().setImportMessages(report.tools
    .filter((tool) => tool.status !== 'converted' || tool.notes.length > 0)
    .map((tool) => ({ toolId: tool.toolId, level: IMPORT_LEVEL[tool.status], text: `${tool.status} (${tool.alteryx}): ${tool.notes.join('; ') || 'no notes'}` })));
  const count = (status: string) => report.tools.filter((t) => t.status === status).length;
  dialogStore.getState().showNotice(`Imported an Alteryx workflow: ${count('converted')} tool(s) converted, ${count('approximated')} approximated, ${count('unsupported')} unsupported (see Messages). Save writes ${report.output}`);
}

export async function saveWorkflowAt(path: string): Promise<boolean> {
  try {
    await getWeftApi().saveWorkflow(path, workflowStore.getState().workflow);
    workflowStore.getState().markSaved(path);
    settingsStore.getState().noteRecentWorkflow(path);
    dialogStore.getState().showNotice(`Saved ${path}`);
    return true;
  } catch (error) {
    dialogStore.getState().showNotice(errorText(error), 'error');
    return false;
  }
}

export function requestOpenWorkflow(): void {
  confirmDiscard(() => {
    const { pickPath } = getHostShell();
    if (!pickPath) {
      dialogStore.getState().openDialog({ kind: 'open-workflow' });
      return;
    }
    void pickPath({ kind: 'open-workflow', title: 'Open workflow' }).then((path) => {
      if (path) void openWorkflowAt(path);
    });
  });
}

/** Resolves true once saved; false when cancelled, failed, or handed to the in-app dialog. */
export async function requestSaveWorkflowAs(): Promise<boolean> {
  const { pickPath } = getHostShell();
  if (!pickPath) {
    dialogStore.getState().openDialog({ kind: 'save-workflow' });
    return false;
  }
  const current = workflowStore.getState().path;
  const path = await pickPath({ kind: 'save-workflow', title: 'Save workflow', defaultPath: current ?? undefined });
  return path ? saveWorkflowAt(path) : false;
}

export async function requestSaveWorkflow(): Promise<boolean> {
  const { path } = workflowStore.getState();
  return path ? saveWorkflowAt(path) : requestSaveWorkflowAs();
}
