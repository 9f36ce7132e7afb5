/** Builds a workflow in code for tests: tools by id, connections as `"t1.Output" → "t2.Input"`. */
import { WORKFLOW_FORMAT, WORKFLOW_VERSION, type Connection, type Workflow } from '../../../shared/workflow.js';

export interface TestToolSpec {
  plugin: string;
  config?: Record<string, unknown>;
}

/** [from, to] or [from, to, name]; each end is `toolId.Anchor` */
export type TestConnectionSpec = [string, string] | [string, string, string];

function anchorRef(end: string): { tool: string; anchor: string } {
  const dot = end.indexOf('.');
  if (dot <= 0) throw new Error(`connection end '${end}' must look like toolId.Anchor`);
  return { tool: end.slice(0, dot), anchor: end.slice(dot + 1) };
}

export function testWorkflow(tools: Record<string, TestToolSpec>, connections: TestConnectionSpec[] = []): Workflow {
  return {
    format: WORKFLOW_FORMAT,
    version: WORKFLOW_VERSION,
    tools: Object.entries(tools).map(([id, spec], i) => ({
      id, plugin: spec.plugin, config: spec.config ?? {}, position: { x: i * 200, y: 0 },
    })),
    connections: connections.map(([from, to, name]): Connection => ({
      from: anchorRef(from), to: anchorRef(to), ...(name ? { name } : {}),
    })),
  };
}
