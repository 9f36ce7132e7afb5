/** Adding tools from the palette: by drop at a point, or by double-click at the view's centre. */
import type { ToolDescriptor } from '../../shared/manifest.js';
import type { Position } from '../../shared/workflow.js';
import { selectionStore } from '../store/selectionStore.js';
import { workflowStore } from '../store/workflowStore.js';
import { revealTool, viewCenter } from './documentCommands.js';

export const TOOL_DRAG_TYPE = 'application/x-weft-tool';
const GRID = 16;
/** about the size of a tool node, to keep added tools apart */
const NODE_WIDTH = 192;
const NODE_HEIGHT = 136;

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
  let position = { x: center.x - NODE_WIDTH / 2, y: center.y - NODE_HEIGHT / 2 };
  const overlaps = (p: Position) => taken.some((other) => Math.abs(other.x - p.x) < NODE_WIDTH + GRID && Math.abs(other.y - p.y) < NODE_HEIGHT);
  for (let step = 0; step < 40 && overlaps(position); step += 1) {
    position = step % 8 === 7 ? { x: position.x + NODE_WIDTH + 3 * GRID, y: center.y - NODE_HEIGHT / 2 } : { x: position.x, y: position.y + NODE_HEIGHT };
  }
  const id = addToolAt(descriptor, position);
  // once React Flow has drawn and measured it
  window.setTimeout(() => revealTool(id), 60);
  return id;
}
