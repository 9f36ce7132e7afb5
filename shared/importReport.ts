/** The report of an Alteryx workflow import (`weft import --json`, and Open of a .yxmd in the app). */
export type ImportToolStatus = 'converted' | 'approximated' | 'unsupported';

export interface ImportToolReport {
  /** the Alteryx ToolID, which is also the Weft tool id */
  toolId: string;
  /** the Alteryx plugin name, or the macro file */
  alteryx: string;
  /** the Weft tool (a placeholder `alteryx/<name>` when unsupported) */
  weft: string;
  status: ImportToolStatus;
  notes: string[];
}

export interface ImportReport {
  status: 'ok' | 'partial' | 'failed';
  /** the Weft workflow file written (or to be written on Save) */
  output: string;
  tools: ImportToolReport[];
}
