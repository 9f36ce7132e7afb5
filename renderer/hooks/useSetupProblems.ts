import { useMemo } from 'react';
import { setupProblems } from '../model/setupProblems.js';
import { useCatalogStore } from '../store/catalogStore.js';
import { useWorkflowStore } from '../store/workflowStore.js';

/** Every tool's setup problems (model/setupProblems), by tool id; tools without any are left out. */
export function useSetupProblems(): Record<string, string[]> {
  const workflow = useWorkflowStore((state) => state.workflow);
  const byId = useCatalogStore((state) => state.byId);
  return useMemo(() => {
    const problems: Record<string, string[]> = {};
    for (const tool of workflow.tools) {
      const descriptor = byId.get(tool.plugin);
      const found = descriptor ? setupProblems(tool, descriptor, workflow.connections) : [];
      if (found.length > 0) problems[tool.id] = found;
    }
    return problems;
  }, [workflow, byId]);
}
