/**
 * Reading and writing workflow files (`*.weft.json`, docs/workflow-format.md), with no node or DOM:
 * the engine, the command and the renderer share it. A file is rejected with PlacedError values
 * that name the file and the place; a tool whose plugin is unknown is kept verbatim and reported.
 */
import type { PlacedError } from './placedError.js';
import type { Workflow } from './workflow.js';
import { parseJsonText } from './workflowFileJson.js';
import { checkWorkflowShape } from './workflowFileShape.js';
import { checkWorkflowGraph, type ToolLookup } from './workflowFileGraph.js';
import { checkGroupReferences } from './workflowFileNotesGroups.js';
import { versionNeeded } from './workflowGroups.js';

export type { ToolLookup } from './workflowFileGraph.js';

export interface WorkflowCheckOptions {
  /** the file name to put in errors */
  file?: string;
  /** the known tools; without it anchors are not checked and no plugin is reported missing */
  lookup?: ToolLookup;
}

export type WorkflowCheckResult =
  | { ok: true; workflow: Workflow; missingPlugins: string[] }
  | { ok: false; errors: PlacedError[] };

/** parses and validates the text of a workflow file */
export function parseWorkflowText(text: string, options: WorkflowCheckOptions = {}): WorkflowCheckResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return {
      ok: false,
      errors: [{ message: `not valid JSON at line ${line}, column ${column}: ${message}`, ...(options.file !== undefined && { file: options.file }) }],
    };
  }
  return checkParsed(parsed.value, options);
}

/**
 * validates a workflow value that did not come from text (an API call, a test); the value is
 * copied first, so the caller's object is never shared or changed
 */
export function validateWorkflow(value: unknown, options: WorkflowCheckOptions = {}): WorkflowCheckResult {
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(value) ?? 'null') as unknown;
  } catch (cause) {
    return { ok: false, errors: [{ message: `the workflow is not JSON data: ${(cause as Error).message}`, ...(options.file !== undefined && { file: options.file }) }] };
  }
  return checkParsed(copy, options);
}

function checkParsed(value: unknown, options: WorkflowCheckOptions): WorkflowCheckResult {
  const shape = checkWorkflowShape(value, options.file);
  if (!shape.workflow) return { ok: false, errors: shape.errors };
  const graph = checkWorkflowGraph(shape.workflow, options.file, options.lookup);
  const errors = [...graph.errors, ...checkGroupReferences(shape.workflow, options.file)];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, workflow: shape.workflow, missingPlugins: graph.missingPlugins };
}

/**
 * the text of a workflow file: 2-space JSON in the workflow's own key order, ending in a newline.
 * Empty `notes` and `groups` lists are left out, and the version is raised to 2 only when the
 * workflow holds notes or groups, so a version 1 file without them is written back unchanged.
 */
export function serializeWorkflow(workflow: Workflow): string {
  const written: Workflow = { ...workflow, version: Math.max(workflow.version, versionNeeded(workflow)) };
  if (written.notes?.length === 0) delete written.notes;
  if (written.groups?.length === 0) delete written.groups;
  return `${JSON.stringify(written, null, 2)}\n`;
}
