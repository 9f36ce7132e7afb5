/**
 * Workflow files on disk: load (errors name the file), save atomically. The app, the browser mode
 * and the `weft` command all open and save through here, so they read and write the same files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PlacedError } from '../../../shared/placedError.js';
import type { Workflow } from '../../../shared/workflow.js';
import { parseWorkflowText, serializeWorkflow, validateWorkflow, type ToolLookup } from '../../../shared/workflowFile.js';
import { FileReadError, readRegularText } from '../regularFile.js';
import { writeFileAtomic } from './atomicWrite.js';

/** a workflow file larger than this is refused (workflows are small; 64 MB is far beyond any real one) */
export const MAX_WORKFLOW_FILE_BYTES = 64 * 1024 * 1024;

export type LoadedWorkflowFile =
  | { ok: true; path: string; workflow: Workflow; missingPlugins: string[] }
  | { ok: false; path: string; errors: PlacedError[] };

function readProblem(error: unknown): string {
  if (error instanceof FileReadError) return error.code === 'folder' ? 'is a folder, not a workflow file' : error.message;
  return `cannot read the file: ${(error as Error).message}`;
}

/** reads and validates a workflow file; `file` in each error is the absolute path */
export async function loadWorkflowFile(filePath: string, lookup?: ToolLookup): Promise<LoadedWorkflowFile> {
  const absolute = path.resolve(filePath);
  let text: string;
  try {
    // never fs.readFile: a FIFO would hold a file-I/O thread forever (see regularFile.ts)
    text = await readRegularText(absolute, MAX_WORKFLOW_FILE_BYTES);
  } catch (error) {
    return { ok: false, path: absolute, errors: [{ file: absolute, message: readProblem(error) }] };
  }
  const result = parseWorkflowText(text, { file: absolute, ...(lookup && { lookup }) });
  return result.ok ? { ok: true, path: absolute, workflow: result.workflow, missingPlugins: result.missingPlugins } : { ok: false, path: absolute, errors: result.errors };
}

export class WorkflowFileError extends Error {
  constructor(readonly errors: PlacedError[]) {
    super(errors.map((e) => [e.file, e.path, e.message].filter(Boolean).join(': ')).join('\n'));
    this.name = 'WorkflowFileError';
  }
}

/**
 * validates the workflow's shape and graph (anchors too when a lookup is given) and writes it
 * atomically; an invalid workflow throws WorkflowFileError and the file is left as it was
 */
export async function saveWorkflowFile(filePath: string, workflow: unknown, lookup?: ToolLookup): Promise<Workflow> {
  const absolute = path.resolve(filePath);
  const checked = validateWorkflow(workflow, { file: absolute, ...(lookup && { lookup }) });
  if (!checked.ok) throw new WorkflowFileError(checked.errors);
  // saving through a symlink replaces the file it points to, and the link stays a link
  const target = await fs.realpath(absolute).catch(() => absolute);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, serializeWorkflow(checked.workflow));
  return checked.workflow;
}
