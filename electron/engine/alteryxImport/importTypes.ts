/** What the importer's parts hand each other: an Alteryx tool as read, a converter's answer, the report. */
import type { Position } from '../../../shared/workflow.js';
import type { FormulaConstants } from './formulaDialect.js';
import type { XmlElement } from './xmlTree.js';

/** one field of an Alteryx `<RecordInfo>` (the metadata Alteryx saved with the workflow) */
export interface AlteryxField {
  name: string;
  type: string;
  size?: string;
  scale?: string;
}

export interface AlteryxTool {
  toolId: string;
  /** the GuiSettings plugin name, or the macro file (`Cleanse.yxmc`) for a macro */
  plugin: string;
  position: Position;
  annotation: string | undefined;
  /** `<Properties><Configuration>`, absent for some tools */
  configuration: XmlElement | undefined;
  /** the whole `<Node>` element */
  node: XmlElement;
  /** output metadata Alteryx saved, by output connection name (`Output`, `Join`, …) */
  metaInfo: Map<string, AlteryxField[]>;
}

export interface ImportContext {
  /** the folder of the .yxmd (for relative paths and the look-up of missing inputs) */
  yxmdDir: string;
  /** the folder the Weft workflow is written to (paths in configs are made relative to it) */
  outputDir: string;
  /** the metadata saved for the output of another tool, by tool id and anchor */
  savedMetadata(toolId: string, anchor: string): AlteryxField[] | undefined;
  /** the constants formulas may name (`[User.X]`, `[Engine.WorkflowDirectory]`) */
  constants: FormulaConstants;
  /** the output anchors of a tool that have connections */
  outputsUsed(toolId: string): string[];
  /** the tools whose output feeds this tool's input anchor, in connection order, with the connection's name (`#1`) */
  upstreamOf(toolId: string, anchor: string): Array<{ toolId: string; anchor: string; name?: string }>;
}

/** a Weft tool added after one output anchor of a converted tool (a Select after a Join, …) */
export interface HelperTool {
  /** the helper's id is `<ToolID>.<suffix>` */
  suffix: string;
  plugin: string;
  config: Record<string, unknown>;
  /** the Alteryx output anchor whose rows now come out of the helper's Output */
  anchor: string;
}

export interface Converted {
  kind: 'converted';
  plugin: string;
  config: Record<string, unknown>;
  /** set when something of the Alteryx configuration has no exact Weft equivalent */
  approximations: string[];
  /** plain remarks (a path found beside the workflow, …) that change nothing */
  notes: string[];
  /** Alteryx anchor name → Weft anchor name, where they differ; `*` for every other name (macros) */
  inputAnchors?: Record<string, string>;
  outputAnchors?: Record<string, string>;
  /** Alteryx input anchor → the connection name its connections get (several anchors merged into one) */
  inputNames?: Record<string, string>;
  helpers?: HelperTool[];
}

export interface Unsupported {
  kind: 'unsupported';
  reason: string;
}

export type Conversion = Converted | Unsupported;

export type Converter = (tool: AlteryxTool, context: ImportContext) => Conversion;

export type { ImportReport, ImportToolReport as ToolReport, ImportToolStatus as ToolStatus } from '../../../shared/importReport.js';
