/** Importing Alteryx workflows (.yxmd): see docs/import.md. */
export { convertAlteryxFile, defaultOutputPath, importAlteryxFile, type ImportFileResult } from './importFile.js';
export { importAlteryxXml, POSITION_SCALE, type ImportOptions, type ImportResult } from './importWorkflow.js';
export type { ImportReport, ToolReport, ToolStatus } from './importTypes.js';
export { isAlteryxWorkflowPath } from './alteryxPath.js';
