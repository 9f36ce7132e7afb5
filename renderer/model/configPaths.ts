/**
 * A tool's file path may be relative to the workflow's folder (docs/workflow-format.md); a
 * file picker needs where to start: the absolute path, when the workflow has been saved.
 */
function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(path);
}

export function folderOf(file: string): string {
  const index = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return index > 0 ? file.slice(0, index) : index === 0 ? '/' : '';
}

/** `path` as an absolute path against the workflow file's folder; unchanged when absolute, empty, or the workflow is unsaved */
export function pathFromWorkflow(path: string, workflowPath: string | null): string {
  if (path === '' || isAbsolute(path) || !workflowPath) return path;
  const base = folderOf(workflowPath);
  const separator = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  const parts = base.split(/[\\/]/);
  for (const part of path.split(/[\\/]/)) {
    if (part === '..') { if (parts.length > 1) parts.pop(); } else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join(separator) || separator;
}
