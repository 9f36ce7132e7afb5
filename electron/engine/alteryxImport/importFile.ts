/**
 * `weft import` and Open of a .yxmd: reads the file, converts it, writes the Weft workflow
 * (atomically, default `<name>.weft.json` beside it) and returns the conversion report.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Workflow } from '../../../shared/workflow.js';
import { saveWorkflowFile } from '../workflowFiles/workflowFileStore.js';
import type { ImportReport, ToolReport } from './importTypes.js';
import { importAlteryxXml } from './importWorkflow.js';

export type ImportFileResult =
  | { ok: true; report: ImportReport; workflow: Workflow }
  | { ok: false; file: string; message: string };

/** `flows/sales.yxmd` → `flows/sales.weft.json` */
export function defaultOutputPath(yxmdPath: string): string {
  const parsed = path.parse(path.resolve(yxmdPath));
  return path.join(parsed.dir, `${parsed.name}.weft.json`);
}

export function reportStatus(tools: ToolReport[]): ImportReport['status'] {
  return tools.every((t) => t.status === 'converted') ? 'ok' : 'partial';
}

/** converts without writing (the app shows the result first and saves on Save) */
export async function convertAlteryxFile(yxmdPath: string, outputPath: string = defaultOutputPath(yxmdPath)): Promise<ImportFileResult> {
  const file = path.resolve(yxmdPath);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, file, message: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a workflow file' : `cannot read the file: ${(error as Error).message}` };
  }
  const output = path.resolve(outputPath);
  const imported = importAlteryxXml(text.replace(/^\uFEFF/, ''), { yxmdDir: path.dirname(file), outputDir: path.dirname(output) });
  if (!imported.ok) return { ok: false, file, message: imported.message };
  return { ok: true, workflow: imported.workflow, report: { status: reportStatus(imported.tools), output, tools: imported.tools } };
}

/** converts and writes the Weft workflow file */
export async function importAlteryxFile(yxmdPath: string, outputPath?: string): Promise<ImportFileResult> {
  const result = await convertAlteryxFile(yxmdPath, outputPath);
  if (!result.ok) return result;
  await saveWorkflowFile(result.report.output, result.workflow);
  return result;
}
