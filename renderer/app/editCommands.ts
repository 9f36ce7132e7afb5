/** Edits started from keys, menus and buttons: delete, undo/redo, select all, copy and paste. */
import { copyFragment, parseClipboardText, toClipboardText, type ClipboardFragment } from '../model/clipboardFormat.js';
import { selectionStore } from '../store/selectionStore.js';
import { workflowStore } from '../store/workflowStore.js';

/** Used when the system clipboard is out of reach (no permission, no clipboard event). */
let memoryClipboard: string | null = null;

export function deleteSelection(): void {
  const { toolIds, connectionKeys, layerIds } = selectionStore.getState();
  if (toolIds.length === 0 && connectionKeys.length === 0 && layerIds.length === 0) return;
  const layersOf = (prefix: string) => new Set(layerIds.filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length)));
  // deleting a container keeps its tools: they move to the container around it
  workflowStore.getState().deleteItems(new Set(toolIds), new Set(connectionKeys), layersOf('note:'), layersOf('group:'));
  selectionStore.getState().clearSelection();
}

export function undoEdit(): void {
  workflowStore.getState().undoEdit();
}

export function redoEdit(): void {
  workflowStore.getState().redoEdit();
}

export function selectAllTools(): void {
  selectionStore.getState().setSelection(workflowStore.getState().workflow.tools.map((tool) => tool.id), []);
}

/** The clipboard text of the selection, or null when nothing is selected. Kept in memory too. */
export function copySelectionText(): string | null {
  const { toolIds, layerIds } = selectionStore.getState();
  const layersOf = (prefix: string) => new Set(layerIds.filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length)));
  const noteIds = layersOf('note:');
  const groupIds = layersOf('group:');
  if (toolIds.length === 0 && noteIds.size === 0 && groupIds.size === 0) return null;
  const text = toClipboardText(copyFragment(workflowStore.getState().workflow, new Set(toolIds), noteIds, groupIds));
  memoryClipboard = text;
  return text;
}

function pasteFragment(fragment: ClipboardFragment): void {
  const ids = workflowStore.getState().pasteFragment(fragment);
  const isLayer = (id: string) => id.startsWith('note:') || id.startsWith('group:');
  if (ids.length > 0) selectionStore.getState().setSelection(ids.filter((id) => !isLayer(id)), [], ids.filter(isLayer));
}

/** Pastes Weft clipboard text; returns false when the text is not ours. */
export function pasteText(text: string): boolean {
  const fragment = parseClipboardText(text);
  if (!fragment) return false;
  pasteFragment(fragment);
  return true;
}

export function pasteFromMemory(): void {
  if (memoryClipboard !== null) pasteText(memoryClipboard);
}
