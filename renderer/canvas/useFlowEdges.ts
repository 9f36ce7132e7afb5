import { MarkerType, type EdgeChange } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { assignConnectionNames } from '../../shared/connectionNames.js';
import type { Workflow } from '../../shared/workflow.js';
import { disabledToolIds } from '../../shared/workflowGroups.js';
import { connectionKey } from '../model/connectionKey.js';
import { selectionStore, useSelectionStore } from '../store/selectionStore.js';
import { useWorkflowStore } from '../store/workflowStore.js';
import type { RecordCountFlowEdge } from './RecordCountEdge.js';

const selectWorkflow = (state: { workflow: Workflow }) => state.workflow;
const selectConnectionKeys = (state: { connectionKeys: string[] }) => state.connectionKeys;

export interface FlowEdges {
  edges: RecordCountFlowEdge[];
  onEdgesChange(changes: EdgeChange<RecordCountFlowEdge>[]): void;
}

export function useFlowEdges(): FlowEdges {
  const workflow = useWorkflowStore(selectWorkflow);
  const selectedKeys = useSelectionStore(selectConnectionKeys);

  const edges = useMemo(() => {
    const selected = new Set(selectedKeys);
    // a connection into or out of a disabled container carries nothing: no count, drawn dashed
    const disabled = disabledToolIds(workflow);
    return assignConnectionNames(workflow.connections).map((c): RecordCountFlowEdge => {
      const id = connectionKey(c);
      return {
        id, type: 'records', source: c.from.tool, sourceHandle: c.from.anchor, target: c.to.tool, targetHandle: c.to.anchor,
        selected: selected.has(id), markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
        data: { fromTool: c.from.tool, fromAnchor: c.from.anchor, name: c.name, inactive: disabled.has(c.from.tool) || disabled.has(c.to.tool) },
      };
    });
  }, [workflow, selectedKeys]);

  const onEdgesChange = useCallback((changes: EdgeChange<RecordCountFlowEdge>[]) => {
    const selects = changes.filter((change) => change.type === 'select');
    if (selects.length === 0) return;
    const selection = selectionStore.getState();
    const keys = new Set(selection.connectionKeys);
    for (const change of selects) {
      if (change.selected) keys.add(change.id);
      else keys.delete(change.id);
    }
    selection.setSelection(selection.toolIds, [...keys]);
  }, []);

  return { edges, onEdgesChange };
}
