import type { ToolDescriptor } from '../../shared/manifest.js';
import type { Workflow } from '../../shared/workflow.js';
import { useCatalogStore } from '../store/catalogStore.js';
import { useSelectionStore } from '../store/selectionStore.js';
import { useWorkflowStore } from '../store/workflowStore.js';

export interface ResultAnchorOption {
  /** `out:<name>` or `in:<name>` */
  value: string;
  label: string;
  /** the output anchor whose data this shows (an input shows its upstream output) */
  source: { tool: string; anchor: string } | null;
}

export interface ResultTarget {
  toolId: string;
  descriptor: ToolDescriptor | undefined;
  options: ResultAnchorOption[];
  selected: ResultAnchorOption | undefined;
}

export function anchorOptions(workflow: Workflow, toolId: string, descriptor: ToolDescriptor | undefined): ResultAnchorOption[] {
  const outputs = descriptor?.outputs.map((anchor) => anchor.name)
    ?? [...new Set(workflow.connections.filter((c) => c.from.tool === toolId).map((c) => c.from.anchor))];
  const inputs = descriptor?.inputs.map((anchor) => anchor.name)
    ?? [...new Set(workflow.connections.filter((c) => c.to.tool === toolId).map((c) => c.to.anchor))];
  return [
    ...outputs.map((name) => ({ value: `out:${name}`, label: name, source: { tool: toolId, anchor: name } })),
    ...inputs.map((name) => {
      const feed = workflow.connections.find((c) => c.to.tool === toolId && c.to.anchor === name);
      return { value: `in:${name}`, label: `in: ${name}`, source: feed ? { tool: feed.from.tool, anchor: feed.from.anchor } : null };
    }),
  ];
}

/** Which tool and anchor the results panel shows: the single selected tool, its chosen anchor. */
export function useResultTarget(): ResultTarget | null {
  const toolIds = useSelectionStore((state) => state.toolIds);
  const chosen = useSelectionStore((state) => state.resultAnchor);
  const workflow = useWorkflowStore((state) => state.workflow);
  const toolId = toolIds.length === 1 ? toolIds[0]! : null;
  const tool = toolId ? workflow.tools.find((candidate) => candidate.id === toolId) : undefined;
  const descriptor = useCatalogStore((state) => (tool ? state.byId.get(tool.plugin) : undefined));
  if (!toolId || !tool) return null;
  const options = anchorOptions(workflow, toolId, descriptor);
  const selected = options.find((option) => option.value === chosen) ?? options[0];
  return { toolId, descriptor, options, selected };
}
