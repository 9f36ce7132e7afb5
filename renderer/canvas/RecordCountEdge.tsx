import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { anchorKey } from '../model/connectionKey.js';
import { useRunStore } from '../store/runStore.js';

export type RecordCountFlowEdge = Edge<{ fromTool: string; fromAnchor: string; name?: string; inactive?: boolean }, 'records'>;

/** A connection: after a run it shows the records that went through (hovering shows its fields: EdgeFieldsTooltip). */
function RecordCountEdgeInner(props: EdgeProps<RecordCountFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const fromTool = data?.fromTool ?? '';
  const fromAnchor = data?.fromAnchor ?? '';
  const inactive = data?.inactive ?? false;
  const records = useRunStore((state) => (inactive ? undefined : state.anchors[anchorKey({ tool: fromTool, anchor: fromAnchor })]?.records));
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={[selected ? 'edge-selected' : '', inactive ? 'edge-inactive' : ''].join(' ').trim() || undefined} interactionWidth={16} />
      <EdgeLabelRenderer>
        <div className="edge-label-anchor" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
          {records !== undefined && (
            <div className="edge-count" data-records={records} data-testid={`connection.count.${id}`}>{records.toLocaleString()}</div>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const RecordCountEdge = memo(RecordCountEdgeInner);
