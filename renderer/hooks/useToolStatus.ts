import { useMemo } from 'react';
import type { ToolNode } from '../../shared/workflow.js';
import { displayStatus, type DisplayStatus } from '../model/displayStatus.js';
import { setupProblems } from '../model/setupProblems.js';
import { useCatalogStore } from '../store/catalogStore.js';
import { useRunStore, type RunStore } from '../store/runStore.js';
import { useWorkflowStore } from '../store/workflowStore.js';
import { disabledToolIds } from '../../shared/workflowGroups.js';

export interface ToolStatusView {
  status: DisplayStatus;
  progress: number | undefined;
  /** the first error (or warning) to show on the node */
  problem: string | undefined;
}

/** The latest full run speaks for a tool until an edit makes its results stale (runStore.invalidateTools). */
function fullRunIsCurrent(state: RunStore, toolId: string): boolean {
  return state.toolStatus[toolId] !== undefined;
}

export function useToolStatus(tool: ToolNode): ToolStatusView {
  const descriptor = useCatalogStore((state) => state.byId.get(tool.plugin));
  const catalogLoaded = useCatalogStore((state) => state.loaded);
  const connections = useWorkflowStore((state) => state.workflow.connections);
  const setup = useMemo(() => (descriptor ? setupProblems(tool, descriptor, connections) : []), [descriptor, tool, connections]);
  const configValid = setup.length === 0;
  const disabled = useWorkflowStore((state) => (state.workflow.groups?.length ?? 0) > 0 && disabledToolIds(state.workflow).has(tool.id));
  const fullRunStatus = useRunStore((state) => state.toolStatus[tool.id]);
  const updateStatus = useRunStore((state) => state.updateStatus[tool.id]);
  const progress = useRunStore((state) => state.progress[tool.id]);
  const problem = useRunStore((state) => {
    const messages = fullRunIsCurrent(state, tool.id) ? state.runMessages : state.updateMessages;
    const own = messages.filter((message) => message.toolId === tool.id);
    return (own.find((message) => message.level === 'error') ?? own.find((message) => message.level === 'warn'))?.text;
  });
  const hasWarning = useRunStore((state) => (fullRunIsCurrent(state, tool.id) ? state.runMessages : state.updateMessages)
    .some((message) => message.toolId === tool.id && message.level === 'warn'));
  const status = displayStatus({ pluginInstalled: !catalogLoaded || descriptor !== undefined, disabled, configValid, fullRunStatus, updateStatus, hasWarning });
  return {
    status,
    progress,
    problem: status === 'missing-plugin' ? `Plugin ${tool.plugin} is not installed`
      : status === 'disabled' ? undefined
        : status === 'not-configured' ? setup[0] : problem,
  };
}
