import type { Node, NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { AnchorSpec } from '../../shared/manifest.js';
import type { Workflow } from '../../shared/workflow.js';
import { useToolStatus } from '../hooks/useToolStatus.js';
import { useCatalogStore } from '../store/catalogStore.js';
import { useSettingsStore } from '../store/settingsStore.js';
import { useWorkflowStore } from '../store/workflowStore.js';
import { useRunStore } from '../store/runStore.js';
import { AnchorList } from './AnchorList.js';
import { StatusBadge } from './StatusBadge.js';
import { ToolIcon } from './ToolIcon.js';

export type ToolFlowNode = Node<{ toolId: string }, 'tool'>;

/** A missing plugin's anchors are known only from the connections that use them. */
function anchorsFromConnections(connections: Workflow['connections'], toolId: string, direction: 'in' | 'out'): AnchorSpec[] {
  const names = new Set(connections
    .filter((c) => (direction === 'in' ? c.to.tool : c.from.tool) === toolId)
    .map((c) => (direction === 'in' ? c.to.anchor : c.from.anchor)));
  return [...names].map((name) => ({ name, optional: true, allowMultiple: true }));
}

function ToolNodeViewInner({ id, selected }: NodeProps<ToolFlowNode>) {
  const tool = useWorkflowStore((state) => state.workflow.tools.find((candidate) => candidate.id === id));
  const connections = useWorkflowStore((state) => state.workflow.connections);
  const descriptor = useCatalogStore((state) => (tool ? state.byId.get(tool.plugin) : undefined));
  const inputs = useMemo(() => descriptor?.inputs ?? anchorsFromConnections(connections, id, 'in'), [descriptor, connections, id]);
  const outputs = useMemo(() => descriptor?.outputs ?? anchorsFromConnections(connections, id, 'out'), [descriptor, connections, id]);
  if (!tool) return null;
  return <ToolNodeBody toolId={id} tool={tool} selected={selected} name={descriptor?.name ?? tool.plugin}
    iconSvg={descriptor?.iconSvg ?? null} category={descriptor?.category ?? 'Other'} inputs={inputs} outputs={outputs} />;
}

interface BodyProps {
  toolId: string;
  tool: Workflow['tools'][number];
  selected: boolean;
  name: string;
  iconSvg: string | null;
  category: string;
  inputs: AnchorSpec[];
  outputs: AnchorSpec[];
}

function ToolNodeBody({ toolId, tool, selected, name, iconSvg, category, inputs, outputs }: BodyProps) {
  const { status, progress, problem } = useToolStatus(tool);
  const cached = useRunStore((state) => state.cachedTools[toolId] === true && state.staleTools[toolId] !== true);
  const label = tool.annotation && tool.annotation.trim() !== '' ? tool.annotation : name;
  const iconSize = useSettingsStore((state) => (state.cardSize === 'compact' ? 20 : 28));
  return (
    <div className={`tool-node tool-node-${status}${selected ? ' is-selected' : ''}`}
      data-tool-id={toolId} data-plugin={tool.plugin} data-status={status} data-testid={`canvas.tool.${toolId}`}
      aria-label={`${label} (${toolId})`}>
      <div className="tool-node-header">
        <ToolIcon iconSvg={iconSvg} name={name} category={category} size={iconSize} />
        <div className="tool-node-titles">
          <span className="tool-node-name" title={label}>{label}</span>
          <span className="tool-node-sub">{label === name ? toolId : `${name} · ${toolId}`}</span>
        </div>
      </div>
      <div className="tool-node-anchors">
        <AnchorList anchors={inputs} direction="in" toolId={toolId} />
        <AnchorList anchors={outputs} direction="out" toolId={toolId} />
      </div>
      <div className="tool-node-footer">
        <StatusBadge status={status} progress={progress} cached={cached && status === 'ok'} />
      </div>
      {problem && <div className="tool-node-problem" title={problem}>{problem}</div>}
    </div>
  );
}

export const ToolNodeView = memo(ToolNodeViewInner);
