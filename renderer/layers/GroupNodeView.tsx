import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NAMED_COLORS } from '../../shared/workflow.js';
import { useWorkflowStore, workflowStore } from '../store/workflowStore.js';
import { layerColorStyle } from './layerColors.js';

export type GroupFlowNode = Node<{ groupId: string; inDisabled: boolean }, 'group-box'>;

/** A tool container: a titled box behind its tools; collapse shows the title bar only. */
function GroupNodeViewInner({ data, selected }: NodeProps<GroupFlowNode>) {
  const group = useWorkflowStore((state) => state.workflow.groups?.find((candidate) => candidate.id === data.groupId));
  if (!group) return null;
  const named = (NAMED_COLORS as readonly string[]).includes(group.color);
  const title = group.name.trim() === '' ? `Group ${group.id}` : group.name;
  const disabled = group.disabled || data.inDisabled;
  return (
    <>
      <NodeResizer isVisible={selected && !group.collapsed} minWidth={160} minHeight={80}
        onResizeEnd={(_event, box) => workflowStore.getState().updateGroup(group.id, {
          position: { x: Math.round(box.x), y: Math.round(box.y) }, size: { width: Math.round(box.width), height: Math.round(box.height) },
        })} />
      <div className={`canvas-group${named ? ` layer-${group.color}` : ''}${selected ? ' is-selected' : ''}${group.collapsed ? ' is-collapsed' : ''}${disabled ? ' is-disabled' : ''}`}
        style={layerColorStyle(group.color)} data-group-id={group.id} data-testid={`canvas.group.${group.id}`}
        data-collapsed={group.collapsed} data-disabled={disabled} role="group" aria-label={`Container ${title}`}>
        <div className="canvas-group-header">
          <button type="button" className="canvas-group-toggle nodrag" aria-expanded={!group.collapsed}
            aria-label={group.collapsed ? `Expand ${title}` : `Collapse ${title}`}
            onClick={() => workflowStore.getState().updateGroup(group.id, { collapsed: !group.collapsed })}>
            {group.collapsed ? '▸' : '▾'}
          </button>
          <span className="canvas-group-title" title={title}>{title}</span>
          {disabled && <span className="canvas-group-badge">disabled</span>}
        </div>
      </div>
    </>
  );
}

export const GroupNodeView = memo(GroupNodeViewInner);
