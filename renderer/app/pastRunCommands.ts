/** Opening a run from the run history: its workflow (when it is another file), then its outcome. */
import type { RunHistoryEntry } from '../../shared/weftApi.js';
import { dialogStore } from '../store/dialogStore.js';
import { runStore } from '../store/runStore.js';
import { settingsStore } from '../store/settingsStore.js';
import { workflowStore } from '../store/workflowStore.js';
import { confirmDiscard, openWorkflowAt } from './workflowCommands.js';

function show(entry: RunHistoryEntry & { tools: NonNullable<RunHistoryEntry['tools']> }): void {
  runStore.getState().showPastRun(entry);
  settingsStore.getState().showBottomTab('messages');
}

export function openPastRun(entry: RunHistoryEntry): void {
  const { tools } = entry;
  if (!tools) {
    dialogStore.getState().showNotice('This run was recorded by an older version of Weft, without its tools\' outcome: it cannot be opened.', 'error');
    return;
  }
  if (runStore.getState().activeRunId !== null) {
    dialogStore.getState().showNotice('A run is in progress: open a past run when it has ended.', 'error');
    return;
  }
  const file = entry.workflowPath;
  if (file === null || file === workflowStore.getState().path) {
    show({ ...entry, tools });
    return;
  }
  confirmDiscard(() => {
    void openWorkflowAt(file).then((opened) => { if (opened) show({ ...entry, tools }); });
  });
}
