/** Path arithmetic of the in-app file dialog (browser mode): folders, names and what may be chosen. */
export type PathDialogMode = 'open-file' | 'save-file' | 'folder';

export function parentOf(path: string): string | null {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return index > 0 ? path.slice(0, index) : null;
}

function nameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? '';
}

/** The path after entering a folder: the folder itself, or (saving) the same file name inside it. */
export function pathIn(folder: string, current: string, mode: PathDialogMode, defaultFileName: string): string {
  if (mode === 'folder') return folder;
  if (mode === 'open-file') return current;
  return `${folder}/${nameOf(current) || defaultFileName}`;
}

/** The path the dialog starts with once it has listed its first folder (the user's path wins). */
export function startPath(listedFolder: string, mode: PathDialogMode, defaultFileName: string): string {
  if (mode === 'folder') return listedFolder;
  if (mode === 'save-file') return `${listedFolder}/${defaultFileName}`;
  return '';
}

/** A file path needs a name: a folder path (ending in a separator) cannot be opened or saved to. */
export function canChoose(path: string, mode: PathDialogMode): boolean {
  const trimmed = path.trim();
  if (trimmed === '') return false;
  return mode === 'folder' || nameOf(trimmed) !== '';
}

/** where the dialog starts: the given path's folder, else the last-used folder, else the workflow's (null: home) */
export function startFolder(initialPath: string | null, lastUsed: string | null, workflowPath: string | null): string | null {
  if (initialPath) return parentOf(initialPath);
  return lastUsed ?? (workflowPath ? parentOf(workflowPath) : null);
}

/** the path field after Enter opened the folder typed in it: ready for a name to be typed or picked */
export function pathAfterOpening(folder: string, mode: PathDialogMode, defaultFileName: string): string {
  if (mode === 'folder') return folder;
  const base = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}/`;
  return mode === 'save-file' ? `${base}${defaultFileName}` : base;
}
