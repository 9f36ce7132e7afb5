/** The workflow file (`*.weft.json`), described in docs/workflow-format.md. */
import type { ToolEngine } from './runEvents.js';

export const WORKFLOW_FORMAT = 'weft-workflow';
/** the newest version this Weft reads and writes */
export const WORKFLOW_VERSION = 2;
/** the version a workflow without notes and groups is written as */
export const WORKFLOW_BASE_VERSION = 1;

export interface Position {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface ToolNode {
  id: string;
  /** full id `<package>/<tool id>` */
  plugin: string;
  config: Record<string, unknown>;
  position: Position;
  annotation?: string;
  /** the innermost group (tool container) holding the tool */
  group?: string;
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

/** the named colours of notes and groups; any `#rrggbb` is accepted too */
export const NAMED_COLORS = ['yellow', 'orange', 'red', 'pink', 'purple', 'blue', 'teal', 'green', 'gray'] as const;
export type NamedColor = (typeof NAMED_COLORS)[number];

/** a text note on the canvas (markdown) */
export interface Note {
  id: string;
  text: string;
  position: Position;
  size: Size;
  color: string;
  group?: string;
  [extra: string]: unknown;
}

/** a tool container: tools name it in `group`; groups nest through `parent` */
export interface Group {
  id: string;
  name: string;
  position: Position;
  size: Size;
  color: string;
  collapsed: boolean;
  /** the tools of a disabled group, and of the groups inside it, do not run */
  disabled: boolean;
  parent?: string;
  [extra: string]: unknown;
}

export interface Workflow {
  format: typeof WORKFLOW_FORMAT;
  version: number;
  tools: ToolNode[];
  connections: Connection[];
  notes?: Note[];
  groups?: Group[];
  /** how it runs: `streaming` (default) or `in-database` (docs/in-database.md) */
  engine?: ToolEngine;
  [extra: string]: unknown;
}

export const DEFAULT_NOTE_SIZE: Size = { width: 200, height: 80 };
export const DEFAULT_GROUP_SIZE: Size = { width: 320, height: 200 };

export function emptyWorkflow(): Workflow {
  return { format: WORKFLOW_FORMAT, version: WORKFLOW_BASE_VERSION, tools: [], connections: [] };
}
