/** whether a path names an Alteryx workflow the importer reads (apart from the importer, so callers need not load it) */
export function isAlteryxWorkflowPath(file: string): boolean {
  return /\.(?:yxmd|yxmc|yxwz)$/i.test(file);
}
