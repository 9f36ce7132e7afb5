import {
  Background, BackgroundVariant, ControlButton, Controls, MiniMap, ReactFlow, useReactFlow,
  type Connection as FlowConnection, type Edge, type IsValidConnection, type OnConnect,
} from '@xyflow/react';
import { canvasMenu, connectionMenu, toolMenu } from '../app/contextMenus.js';
import { ContextMenu, type OpenMenu } from './ContextMenu.js';
import { useFlowOutOfView } from './useFlowOutOfView.js';
import { useCallback, useEffect, useMemo, useState, type DragEvent, type MouseEvent } from 'react';
import { addToolAt, TOOL_DRAG_TYPE } from '../app/canvasCommands.js';
import { fitViewOptions, MINIMAP_SIZE, registerAutoLayout, registerFlowInstance } from '../app/documentCommands.js';
import type { NodeSize } from '../model/autoLayout.js';
import { checkConnection } from '../model/connectionRules.js';
import { catalogStore } from '../store/catalogStore.js';
import { dialogStore } from '../store/dialogStore.js';
import { settingsStore, useSettingsStore } from '../store/settingsStore.js';
import { workflowStore } from '../store/workflowStore.js';
import { EdgeFieldsTooltip, type EdgeHover } from './EdgeFieldsTooltip.js';
import { RecordCountEdge, type RecordCountFlowEdge } from './RecordCountEdge.js';
import { GroupNodeView } from '../layers/GroupNodeView.js';
import { NoteNodeView } from '../layers/NoteNodeView.js';
import { fitGroupsToMembers } from '../model/layerEdits.js';
import { ToolNodeView } from './ToolNodeView.js';
import { useFlowEdges } from './useFlowEdges.js';
import { useFlowNodes, type CanvasNode } from './useFlowNodes.js';
import { dragMoves, toolSizes } from './dragMoves.js';

const nodeTypes = { tool: ToolNodeView, note: NoteNodeView, 'group-box': GroupNodeView };
const edgeTypes = { records: RecordCountEdge };
const SNAP_GRID: [number, number] = [16, 16];
const selectTheme = (state: { theme: 'light' | 'dark' }) => state.theme;
const selectMinimap = (state: { minimap: boolean }) => state.minimap;
const selectCardSize = (state: { cardSize: 'compact' | 'roomy' }) => state.cardSize;

function candidateOf(connection: FlowConnection | Edge) {
  return {
    fromTool: connection.source, fromAnchor: connection.sourceHandle ?? '',
    toTool: connection.target, toAnchor: connection.targetHandle ?? '',
  };
}

const describe = (pluginId: string) => catalogStore.getState().byId.get(pluginId);

export function FlowCanvas() {
  const flow = useReactFlow();
  const theme = useSettingsStore(selectTheme);
  const minimap = useSettingsStore(selectMinimap);
  const cardSize = useSettingsStore(selectCardSize);
  const [nodes, onNodesChange] = useFlowNodes();
  const { edges, onEdgesChange } = useFlowEdges();
  const [hover, setHover] = useState<EdgeHover | null>(null);
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  // the minimap only when part of the flow is out of view: when all of it shows, it would only cover tools
  const outOfView = useFlowOutOfView();

  useEffect(() => {
    registerFlowInstance(flow);
    registerAutoLayout(() => {
      const sizes = new Map<string, NodeSize>(flow.getNodes().map((node) => [node.id, { width: node.measured?.width ?? 180, height: node.measured?.height ?? 80 }]));
      // elkjs is large: load it on first use
      void import('../model/autoLayout.js').then(({ layoutPositions }) => layoutPositions(workflowStore.getState().workflow, sizes)).then((positions) => {
        // the containers then fit their tools again, in the same undo step
        workflowStore.getState().applyEdit('cosmetic', (workflow) => {
          const tools = workflow.tools.map((tool) => (positions.has(tool.id) ? { ...tool, position: positions.get(tool.id)! } : tool));
          return fitGroupsToMembers({ ...workflow, tools }, sizes);
        });
        window.setTimeout(() => void flow.fitView(fitViewOptions()), 50);
      }).catch((error: unknown) => dialogStore.getState().showNotice(`Auto-layout failed: ${String(error)}`, 'error'));
    });
    const offReplace = workflowStore.subscribe((state, previous) => {
      if (state.revision !== previous.revision && state.lastEditKind === 'replace') {
        window.setTimeout(() => void flow.fitView(fitViewOptions(0)), 60);
      }
    });
    return () => { registerFlowInstance(null); registerAutoLayout(null); offReplace(); };
  }, [flow]);

  const isValidConnection: IsValidConnection = useCallback(
    (connection) => checkConnection(workflowStore.getState().workflow, describe, candidateOf(connection)).ok, []);

  const onConnect: OnConnect = useCallback((connection) => {
    const candidate = candidateOf(connection);
    const verdict = checkConnection(workflowStore.getState().workflow, describe, candidate);
    if (!verdict.ok) {
      dialogStore.getState().showNotice(`Cannot connect: ${verdict.reason}`, 'error');
      return;
    }
    workflowStore.getState().connectAnchors({
      from: { tool: candidate.fromTool, anchor: candidate.fromAnchor },
      to: { tool: candidate.toTool, anchor: candidate.toAnchor },
    });
  }, []);

  // a dragged group took its members along: every node whose place changed is written back
  const onNodeDragStop = useCallback(() => {
    const nodes = flow.getNodes() as CanvasNode[];
    workflowStore.getState().moveItems(dragMoves(workflowStore.getState().workflow, nodes), toolSizes(nodes));
  }, [flow]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(TOOL_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    const toolId = event.dataTransfer.getData(TOOL_DRAG_TYPE);
    const descriptor = toolId ? describe(toolId) : undefined;
    if (!descriptor) return;
    event.preventDefault();
    const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addToolAt(descriptor, { x: position.x - 20, y: position.y - 20 });
  }, [flow]);

  const onEdgeHover = useCallback((event: MouseEvent, edge: RecordCountFlowEdge) => {
    if (!edge.data) return;
    setHover({ fromTool: edge.data.fromTool, fromAnchor: edge.data.fromAnchor, name: edge.data.name, x: event.clientX, y: event.clientY });
  }, []);

  const onNodeContextMenu = useCallback((event: MouseEvent, node: CanvasNode) => {
    if (node.type !== 'tool') return;
    event.preventDefault();
    setMenu({ x: event.clientX, y: event.clientY, label: `Tool ${node.id}`, items: toolMenu(node.id) });
  }, []);
  const onEdgeContextMenu = useCallback((event: MouseEvent, edge: Edge) => {
    event.preventDefault();
    setMenu({ x: event.clientX, y: event.clientY, label: 'Connection', items: connectionMenu(edge.id) });
  }, []);
  const onPaneContextMenu = useCallback((event: MouseEvent | globalThis.MouseEvent) => {
    event.preventDefault();
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    setMenu({ x: event.clientX, y: event.clientY, label: 'Canvas', items: canvasMenu(at) });
  }, [flow]);

  const proOptions = useMemo(() => ({ hideAttribution: true }), []);

  return (
    <>
      <ReactFlow
        nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes}
        onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect}
        isValidConnection={isValidConnection} onNodeDragStop={onNodeDragStop}
        onEdgeMouseEnter={onEdgeHover} onEdgeMouseMove={onEdgeHover} onEdgeMouseLeave={() => setHover(null)}
        onDragOver={onDragOver} onDrop={onDrop}
        onNodeContextMenu={onNodeContextMenu} onEdgeContextMenu={onEdgeContextMenu} onPaneContextMenu={onPaneContextMenu}
        deleteKeyCode={null} elevateNodesOnSelect={false} selectionKeyCode="Shift" multiSelectionKeyCode={['Control', 'Meta']}
        snapToGrid snapGrid={SNAP_GRID} colorMode={theme} minZoom={0.2} maxZoom={2.5}
        defaultViewport={{ x: 40, y: 40, zoom: 1 }} proOptions={proOptions}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        {minimap && outOfView && <MiniMap pannable zoomable ariaLabel="Minimap" style={MINIMAP_SIZE} nodeBorderRadius={4} />}
        <Controls showInteractive={false} orientation="horizontal" fitViewOptions={fitViewOptions()}>
          <ControlButton onClick={() => settingsStore.getState().toggleMinimap()} title={minimap ? 'Hide minimap' : 'Show minimap'}
            aria-label={minimap ? 'Hide minimap' : 'Show minimap'} aria-pressed={minimap} className={minimap ? 'control-on' : undefined}>
            <svg viewBox="0 0 16 16" aria-hidden="true"><rect x="1.5" y="3" width="13" height="10" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.4" /><rect x="8.5" y="8" width="4.5" height="3.5" rx="0.6" fill="currentColor" /></svg>
          </ControlButton>
          <ControlButton onClick={() => settingsStore.getState().toggleCardSize()} title={cardSize === 'compact' ? 'Larger tool cards' : 'Compact tool cards'}
            aria-label="Compact tool cards" aria-pressed={cardSize === 'compact'} className={cardSize === 'compact' ? 'control-on' : undefined}>
            <svg viewBox="0 0 16 16" aria-hidden="true"><rect x="1.5" y="2.5" width="5.5" height="4.5" rx="1" fill="currentColor" /><rect x="9" y="2.5" width="5.5" height="4.5" rx="1" fill="currentColor" /><rect x="1.5" y="9" width="5.5" height="4.5" rx="1" fill="currentColor" /><rect x="9" y="9" width="5.5" height="4.5" rx="1" fill="currentColor" /></svg>
          </ControlButton>
        </Controls>
      </ReactFlow>
      {hover && <EdgeFieldsTooltip hover={hover} />}
      {menu && <ContextMenu menu={menu} onClose={closeMenu} />}
    </>
  );
}
