/**
 * Alteryx text boxes and tool containers as Weft notes and groups (docs/workflow-format.md):
 * the same ids (their ToolIDs), scaled like the tools, containers nested through `parent`, a
 * disabled container disabled (its tools do not run), a folded one collapsed.
 */
import type { Group, Note, Workflow } from '../../../shared/workflow.js';
import type { AlteryxDocument, Rectangle } from './alteryxDocument.js';

function scaledBox(bounds: Rectangle, scale: number, fallback: { width: number; height: number }) {
  return {
    position: { x: Math.round(bounds.x * scale), y: Math.round(bounds.y * scale) },
    size: {
      width: bounds.width > 0 ? Math.round(bounds.width * scale) : fallback.width,
      height: bounds.height > 0 ? Math.round(bounds.height * scale) : fallback.height,
    },
  };
}

/** adds the document's containers and text boxes to the workflow, and each tool's group */
export function addCanvasLayout(workflow: Workflow, document: AlteryxDocument, scale: number): void {
  const groups: Group[] = document.containers.map((container) => ({
    id: container.toolId,
    name: container.caption,
    ...scaledBox(container.bounds, scale, { width: 480, height: 320 }),
    color: container.fillColor ?? 'gray',
    collapsed: container.folded,
    disabled: container.disabled,
    ...(container.parent !== undefined && { parent: container.parent }),
  }));
  const notes: Note[] = document.textBoxes.map((box) => ({
    id: box.toolId,
    text: box.text,
    ...scaledBox(box.bounds, scale, { width: 240, height: 100 }),
    color: box.fillColor ?? 'yellow',
    ...(box.container !== undefined && { group: box.container }),
  }));
  const groupOf = new Map(document.tools.filter((t) => t.container !== undefined).map((t) => [t.toolId, t.container!]));
  for (const tool of workflow.tools) {
    // a helper tool (`5.select`) sits in the group of the tool it serves
    const group = groupOf.get(tool.id) ?? groupOf.get(tool.id.split('.')[0]!);
    if (group !== undefined) tool.group = group;
  }
  if (groups.length > 0) workflow.groups = groups;
  if (notes.length > 0) workflow.notes = notes;
}
