/** Adding tools from the palette: by drop at a point, or by double-click at the view's centre. */
import type { ToolDescriptor } from '../../shared/manifest.js';
import type { Position } from '../../shared/workflow.js';
import { selectionStore } from '../store/selectionStore.js';
import { workflowStore } from '../store/workflowStore.js';
import { viewCenter } from './documentCommands.js';

export const TOOL_DRAG_TYPE = 'application/x-weft-tool';
const GRID = 16;

function snap(position: Position): Position {
  return { x: Math.round(position.x / GRID) * GRID, y: Math.round(position.y / GRID) * GRID };
}

export function addToolAt(descriptor: ToolDescriptor, position: Position): string {
  const id = workflowStore.getState().addToolFromDescriptor(descriptor, snap(position));
  selectionStore.getState().selectTool(id);
  return id;
}

/** Double-click in the palette: next to the view's centre, stepping so tools do not stack. */
export function addToolAtViewCenter(descriptor: ToolDescriptor): string {
  const center = viewCenter() ?? { x: 0, y: 0 };
  const taken = workflowStore.getState().workflow.tools.map((tool) => tool.position);
  let position = { x: center.x - 90, y: center.y - 40 };
  for (let step = 0; step < 20 && taken.some((p) => Math.abs(p.x - position.x) < 40 && Math.abs(p.y - position.y) < 40); step += 1) {
    position = { x: position.x + 32, y: position.y + 32 };
  }
  return addToolAt(descriptor, position);
}
