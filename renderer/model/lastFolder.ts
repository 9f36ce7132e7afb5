/** The folder the in-app file dialog last chose in, remembered across sessions (browser mode). */
import { parentOf } from './dialogPaths.js';

const KEY = 'weft.lastFolder';

export function lastFolder(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the dialog starts in the workflow's or home folder
  }
}

/** `chosen` is a file (its folder is kept) or, with `isFolder`, the folder itself */
export function rememberFolder(chosen: string, isFolder: boolean): void {
  const folder = isFolder ? chosen : parentOf(chosen);
  if (!folder) return;
  try {
    localStorage.setItem(KEY, folder);
  } catch {
    // storage disabled: nothing to remember
  }
}
