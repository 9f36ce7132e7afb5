import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import type { Workflow } from '../../shared/workflow.js';
import { disabledGroupIds } from '../../shared/workflowGroups.js';
import type { GroupFlowNode } from '../layers/GroupNodeView.js';
import type { NoteFlowNode } from '../layers/NoteNodeView.js';
import { GROUP_HEADER, groupNodeId, hiddenToolIds, membersOf, noteNodeId } from '../model/layerEdits.js';
import { groupChain } from '../../shared/workflowGroups.js';
import { selectionStore, useSelectionStore } from '../store/selectionStore.js';
import { useWorkflowStore, workflowStore } from '../store/workflowStore.js';
import type { ToolFlowNode } from './ToolNodeView.js';

export type CanvasNode = ToolFlowNode | NoteFlowNode | GroupFlowNode;

const selectWorkflow = (state: { workflow: Workflow }) => state.workflow;
const selectSelection = (state: { toolIds: string[]; layerIds: string[] }) => state;

const samePosition = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x === b.x && a.y === b.y;

/** Derives React Flow nodes from the workflow (groups behind, then notes, then tools), keeping what React Flow measured. */
function deriveNodes(workflow: Workflow, selectedTools: ReadonlySet<string>, selectedLayers: ReadonlySet<string>, previous: CanvasNode[]): CanvasNode[] {
  const byId = new Map(previous.map((node) => [node.id, node]));
  const groups = workflow.groups ?? [];
  const disabled = disabledGroupIds(workflow);
  const hidden = hiddenToolIds(workflow);
  const groupNodes: GroupFlowNode[] = groups.map((group) => {
    const id = groupNodeId(group.id);
    const old = byId.get(id) as GroupFlowNode | undefined;
    const ancestors = groupChain(groups, group.parent);
    return {
      ...old, id, type: 'group-box', position: { ...group.position },
      data: { groupId: group.id, inDisabled: disabled.has(group.id) },
      width: group.size.width, height: group.collapsed ? GROUP_HEADER : group.size.height,
      zIndex: -20 + ancestors.length, selected: selectedLayers.has(id),
      hidden: ancestors.some((g) => g.collapsed),
    };
  });
  const noteNodes: NoteFlowNode[] = (workflow.notes ?? []).map((note) => {
    const id = noteNodeId(note.id);
    const old = byId.get(id) as NoteFlowNode | undefined;
    return {
      ...old, id, type: 'note', position: { ...note.position }, data: { noteId: note.id },
      width: note.size.width, height: note.size.height, zIndex: -5, selected: selectedLayers.has(id),
      hidden: groupChain(groups, note.group).some((g) => g.collapsed),
    };
  });
  const toolNodes: ToolFlowNode[] = workflow.tools.map((tool) => {
    const old = byId.get(tool.id) as ToolFlowNode | undefined;
    const isSelected = selectedTools.has(tool.id);
    const isHidden = hidden.has(tool.id);
    if (old && samePosition(old.position, tool.position) && old.selected === isSelected && !old.dragging && Boolean(old.hidden) === isHidden) return old;
    return { ...old, id: tool.id, type: 'tool', position: { ...tool.position }, data: { toolId: tool.id }, selected: isSelected, hidden: isHidden };
  });
  return [...groupNodes, ...noteNodes, ...toolNodes];
}

/** dragging a group drags what is inside it */
function withGroupMembers(changes: NodeChange<CanvasNode>[], current: CanvasNode[]): NodeChange<CanvasNode>[] {
  const workflow = workflowStore.getState().workflow;
  const byId = new Map(current.map((node) => [node.id, node]));
  const extra: NodeChange<CanvasNode>[] = [];
  const moving = new Set(changes.filter((c) => c.type === 'position').map((c) => (c as { id: string }).id));
  for (const change of changes) {
    if (change.type !== 'position' || !change.position || !change.id.startsWith('group:')) continue;
    const node = byId.get(change.id);
    if (!node) continue;
    const dx = change.position.x - node.position.x;
    const dy = change.position.y - node.position.y;
    if (dx === 0 && dy === 0) continue;
    const members = membersOf(workflow, change.id.slice('group:'.length));
    const ids = [...members.tools, ...members.notes.map(noteNodeId), ...members.groups.map(groupNodeId)];
    for (const id of ids) {
      const member = byId.get(id);
      if (!member || moving.has(id)) continue;
      extra.push({ type: 'position', id, position: { x: member.position.x + dx, y: member.position.y + dy }, dragging: change.dragging });
    }
  }
  return extra.length > 0 ? [...changes, ...extra] : changes;
}

/**
 * Nodes live in local state while the user drags (positions change every frame); the workflow
 * gets the new positions when the drag ends. Selection goes to the selection store.
 */
export function useFlowNodes(): [CanvasNode[], (changes: NodeChange<CanvasNode>[]) => void] {
  const workflow = useWorkflowStore(selectWorkflow);
  const selection = useSelectionStore(selectSelection);
  const [nodes, setNodes] = useState<CanvasNode[]>([]);

  useEffect(() => {
    setNodes((previous) => deriveNodes(workflow, new Set(selection.toolIds), new Set(selection.layerIds), previous));
  }, [workflow, selection.toolIds, selection.layerIds]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const relevant = changes.filter((change) => change.type !== 'remove' && change.type !== 'add' && change.type !== 'replace');
    setNodes((current) => applyNodeChanges(withGroupMembers(relevant, current), current));
    const selects = relevant.filter((change) => change.type === 'select');
    if (selects.length > 0) {
      const state = selectionStore.getState();
      const tools = new Set(state.toolIds);
      const layers = new Set(state.layerIds);
      for (const change of selects) {
        const target = change.id.startsWith('note:') || change.id.startsWith('group:') ? layers : tools;
        if (change.selected) target.add(change.id);
        else target.delete(change.id);
      }
      state.setSelection([...tools], state.connectionKeys, [...layers]);
    }
  }, []);

  return [nodes, onNodesChange];
}
