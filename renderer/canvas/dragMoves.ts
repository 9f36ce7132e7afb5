/** What a drag on the canvas changed: the places of tools, notes and groups that differ from the workflow. */
import type { Position, Size, Workflow } from '../../shared/workflow.js';
import type { LayerMoves } from '../model/layerEdits.js';

interface PlacedNode {
  id: string;
  type?: string;
  position: Position;
  measured?: { width?: number; height?: number };
}

const differs = (a: Position, b: Position) => a.x !== b.x || a.y !== b.y;

export function dragMoves(workflow: Workflow, nodes: readonly PlacedNode[]): LayerMoves {
  const byId = new Map(nodes.map((node) => [node.id, node.position]));
  const pick = <T extends { id: string; position: Position }>(items: readonly T[], nodeId: (id: string) => string) => {
    const moves = new Map<string, Position>();
    for (const item of items) {
      const position = byId.get(nodeId(item.id));
      if (position && differs(position, item.position)) moves.set(item.id, { x: Math.round(position.x), y: Math.round(position.y) });
    }
    return moves;
  };
  return {
    tools: pick(workflow.tools, (id) => id),
    notes: pick(workflow.notes ?? [], (id) => `note:${id}`),
    groups: pick(workflow.groups ?? [], (id) => `group:${id}`),
  };
}

/** the measured size of each tool node */
export function toolSizes(nodes: readonly PlacedNode[]): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const node of nodes) {
    if (node.type !== 'tool' || !node.measured?.width || !node.measured.height) continue;
    sizes.set(node.id, { width: node.measured.width, height: node.measured.height });
  }
  return sizes;
}
