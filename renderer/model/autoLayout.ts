/** Left-to-right layered layout of the workflow (elkjs), anchors kept in their manifest order. */
import elkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Position, Workflow } from '../../shared/workflow.js';

export interface NodeSize {
  width: number;
  height: number;
}

const DEFAULT_SIZE: NodeSize = { width: 180, height: 72 };
type ElkConstructor = new () => ELK;
// elkjs is CommonJS: bundlers hand over module.exports, Node's ESM loader wraps it as `default`.
const interop = elkModule as unknown as ElkConstructor | { default: ElkConstructor };
const ElkLayout: ElkConstructor = 'default' in interop ? interop.default : interop;
const elk = new ElkLayout();

export async function layoutPositions(workflow: Workflow, sizes: ReadonlyMap<string, NodeSize>): Promise<Map<string, Position>> {
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      // room for a connection's record count between layers, no more: a chain of five fits at 1280×800
      'elk.layered.spacing.nodeNodeBetweenLayers': '64',
      'elk.spacing.nodeNode': '32',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: workflow.tools.map((tool) => ({ id: tool.id, ...(sizes.get(tool.id) ?? DEFAULT_SIZE) })),
    edges: workflow.connections.map((c, index) => ({ id: `e${index}`, sources: [c.from.tool], targets: [c.to.tool] })),
  };
  const laidOut = await elk.layout(graph);
  const positions = new Map<string, Position>();
  for (const child of laidOut.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}
