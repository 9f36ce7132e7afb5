import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import type { ToolNode } from '../../shared/workflow.js';
import { selectionStore, useSelectionStore } from '../store/selectionStore.js';
import { useWorkflowStore } from '../store/workflowStore.js';
import type { ToolFlowNode } from './ToolNodeView.js';

const selectTools = (state: { workflow: { tools: ToolNode[] } }) => state.workflow.tools;
const selectToolIds = (state: { toolIds: string[] }) => state.toolIds;

/** Derives React Flow nodes from the workflow, keeping what React Flow measured. */
function deriveNodes(tools: ToolNode[], selected: ReadonlySet<string>, previous: ToolFlowNode[]): ToolFlowNode[] {
  const byId = new Map(previous.map((node) => [node.id, node]));
  return tools.map((tool) => {
    const old = byId.get(tool.id);
    const isSelected = selected.has(tool.id);
    if (old && old.position.x === tool.position.x && old.position.y === tool.position.y && old.selected === isSelected && !old.dragging) return old;
    return { ...old, id: tool.id, type: 'tool', position: { ...tool.position }, data: { toolId: tool.id }, selected: isSelected };
  });
}

/**
 * Nodes live in local state while the user drags (positions change every frame); the workflow
 * gets the new positions when the drag ends. Selection goes to the selection store.
 */
export function useFlowNodes(): [ToolFlowNode[], (changes: NodeChange<ToolFlowNode>[]) => void] {
  const tools = useWorkflowStore(selectTools);
  const selectedIds = useSelectionStore(selectToolIds);
  const [nodes, setNodes] = useState<ToolFlowNode[]>([]);

  useEffect(() => {
    setNodes((previous) => deriveNodes(tools, new Set(selectedIds), previous));
  }, [tools, selectedIds]);

  const onNodesChange = useCallback((changes: NodeChange<ToolFlowNode>[]) => {
    const relevant = changes.filter((change) => change.type !== 'remove' && change.type !== 'add' && change.type !== 'replace');
    setNodes((current) => applyNodeChanges(relevant, current));
    const selects = relevant.filter((change) => change.type === 'select');
    if (selects.length > 0) {
      const selection = selectionStore.getState();
      const ids = new Set(selection.toolIds);
      for (const change of selects) {
        if (change.selected) ids.add(change.id);
        else ids.delete(change.id);
      }
      selection.setSelection([...ids], selection.connectionKeys);
    }
  }, []);

  return [nodes, onNodesChange];
}
