/** Adding notes and containers from the toolbar: a note at the view's centre, a container around the selected tools. */
import { groupNodeId, noteNodeId } from '../model/layerEdits.js';
import { dialogStore } from '../store/dialogStore.js';
import { selectionStore } from '../store/selectionStore.js';
import { workflowStore } from '../store/workflowStore.js';
import { measuredToolSizes, viewCenter } from './documentCommands.js';

export function addNoteAtViewCenter(): void {
  const center = viewCenter() ?? { x: 0, y: 0 };
  const id = workflowStore.getState().addNoteAt({ x: Math.round(center.x - 100), y: Math.round(center.y - 40) });
  selectionStore.getState().setSelection([], [], [noteNodeId(id)]);
}

export function groupSelectedTools(): void {
  const { toolIds } = selectionStore.getState();
  if (toolIds.length === 0) {
    dialogStore.getState().showNotice('Select the tools to put in a container first.');
    return;
  }
  const id = workflowStore.getState().groupTools(new Set(toolIds), measuredToolSizes());
  if (id) selectionStore.getState().setSelection([], [], [groupNodeId(id)]);
}
