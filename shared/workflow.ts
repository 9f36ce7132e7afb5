/** The workflow file (`*.weft.json`), workflow-and-cli.md. */
export const WORKFLOW_FORMAT = 'weft-workflow';
export const WORKFLOW_VERSION = 1;

export interface Position {
  x: number;
  y: number;
}

export interface ToolNode {
  id: string;
  /** full id `<package>/<tool id>` */
  plugin: string;
  config: Record<string, unknown>;
  position: Position;
  annotation?: string;
  /** keys we do not know are kept so that saving writes the file back unchanged */
  [extra: string]: unknown;
}

export interface AnchorRef {
  tool: string;
  anchor: string;
}

export interface Connection {
  from: AnchorRef;
  to: AnchorRef;
  name?: string;
  [extra: string]: unknown;
}

export interface Workflow {
  format: typeof WORKFLOW_FORMAT;
  version: number;
  tools: ToolNode[];
  connections: Connection[];
  [extra: string]: unknown;
}

export function emptyWorkflow(): Workflow {
  return { format: WORKFLOW_FORMAT, version: WORKFLOW_VERSION, tools: [], connections: [] };
}
