/** The right-click menus of the canvas: on a tool, on a connection, on the empty canvas. */
import type { XYPosition } from '@xyflow/react';
import { selectionStore } from '../store/selectionStore.js';
import { workflowStore } from '../store/workflowStore.js';
import { autoLayoutCanvas, fitCanvas } from './documentCommands.js';
import { copySelectionText, deleteSelection, pasteFromMemory } from './editCommands.js';
import { groupSelectedTools } from './layerCommands.js';
import { noteNodeId } from '../model/layerEdits.js';

export interface MenuItem {
  label: string;
  run(): void;
  disabled?: boolean;
}

/** a right-click on a tool outside the selection selects it, as in every editor */
function selectForMenu(toolId: string): void {
  if (!selectionStore.getState().toolIds.includes(toolId)) selectionStore.getState().selectTool(toolId);
}

export function toolMenu(toolId: string): MenuItem[] {
  selectForMenu(toolId);
  const several = selectionStore.getState().toolIds.length > 1;
  return [
    { label: 'Configure', run: () => selectionStore.getState().selectTool(toolId) },
    { label: 'Copy', run: () => { copySelectionText(); } },
    { label: 'Duplicate', run: () => { copySelectionText(); pasteFromMemory(); } },
    { label: several ? 'Put the selected tools in a container' : 'Put in a container', run: groupSelectedTools },
    { label: several ? 'Delete the selected tools' : 'Delete', run: deleteSelection },
  ];
}

export function connectionMenu(connectionKey: string): MenuItem[] {
  return [
    { label: 'Delete connection', run: () => { selectionStore.getState().setSelection([], [connectionKey]); deleteSelection(); } },
  ];
}

export function canvasMenu(at: XYPosition): MenuItem[] {
  return [
    { label: 'Add a note here', run: () => {
      const id = workflowStore.getState().addNoteAt({ x: Math.round(at.x), y: Math.round(at.y) });
      selectionStore.getState().setSelection([], [], [noteNodeId(id)]);
    } },
    { label: 'Paste', run: pasteFromMemory },
    { label: 'Select all tools', run: () => selectionStore.getState().setSelection(workflowStore.getState().workflow.tools.map((tool) => tool.id), []) },
    { label: 'Fit to view', run: fitCanvas },
    { label: 'Auto-layout', run: autoLayoutCanvas },
  ];
}
