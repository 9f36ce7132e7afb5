/** Importing Alteryx workflows (.yxmd): see docs/import.md. */
export { convertAlteryxFile, defaultOutputPath, importAlteryxFile, type ImportFileResult } from './importFile.js';
export { importAlteryxXml, POSITION_SCALE, type ImportOptions, type ImportResult } from './importWorkflow.js';
export type { ImportReport, ToolReport, ToolStatus } from './importTypes.js';

/** whether a path names an Alteryx workflow the importer reads */
export function isAlteryxWorkflowPath(file: string): boolean {
  return /\.(?:yxmd|yxmc|yxwz)$/i.test(file);
}
