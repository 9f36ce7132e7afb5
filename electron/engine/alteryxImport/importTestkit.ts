/**
 * For the importer's tests: copies a fixture .yxmd (and the data files beside it) into a temp
 * folder, imports it, checks the Weft workflow against the real registry (anchors included) and
 * runs it through the real engine.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { validateWorkflow } from '../../../shared/workflowFile.js';
import type { PreviewRow, RunSummary } from '../../../shared/runEvents.js';
import type { Workflow } from '../../../shared/workflow.js';
import { createTestEngine } from '../testing/index.js';
import { importAlteryxFile } from './importFile.js';
import type { ImportReport } from './importTypes.js';

export const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

export interface ImportedRun {
  report: ImportReport;
  workflow: Workflow;
  summary: RunSummary;
  /** `toolId.anchor` → rows */
  rows: Record<string, PreviewRow[]>;
  folder: string;
}

/** a fresh folder holding copies of the named fixture files */
export async function fixtureFolder(...names: string[]): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'weft-import-'));
  for (const name of names) {
    await fs.mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await fs.copyFile(path.join(FIXTURES, name), path.join(folder, name));
  }
  return folder;
}

/** `prepare` may add files the test makes itself (a workbook) before the import */
export async function importAndRun(yxmd: string, dataFiles: string[] = [], prepare?: (folder: string) => Promise<void>): Promise<ImportedRun> {
  const folder = await fixtureFolder(yxmd, ...dataFiles);
  await prepare?.(folder);
  const imported = await importAlteryxFile(path.join(folder, yxmd));
  if (!imported.ok) throw new Error(`${yxmd}: ${imported.message}`);
  const engine = await createTestEngine();
  try {
    const lookup = (id: string) => engine.registry.resolve(id)?.descriptor;
    const checked = validateWorkflow(imported.workflow, { lookup });
    if (!checked.ok) throw new Error(`${yxmd}: the imported workflow is invalid: ${checked.errors.map((e) => `${e.path ?? ''} ${e.message}`).join('; ')}`);
    const { summary, previews } = await engine.run(imported.workflow, { workflowDir: folder });
    return { report: imported.report, workflow: imported.workflow, summary, rows: previews, folder };
  } finally {
    await engine.dispose();
  }
}
