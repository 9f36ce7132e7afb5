import type { ToolDescriptor } from '../../shared/manifest.js';
import type { ToolNode } from '../../shared/workflow.js';

/**
 * How Messages and the run history name a tool: its annotation or its tool's name, with its id to
 * tell apart two tools of one kind: "Filter (t2)", "Best sellers (sort)".
 */
export function toolLabel(toolId: string, tool: ToolNode | undefined, descriptor: ToolDescriptor | undefined): string {
  const name = tool?.annotation?.trim() || descriptor?.name || tool?.plugin;
  return name ? `${name} (${toolId})` : toolId;
}
