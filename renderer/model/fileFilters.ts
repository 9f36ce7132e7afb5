/** What the in-app file dialog lists: file-type filters and hidden (dot) files. */
import type { DirectoryEntry } from '../../shared/weftApi.js';
import type { FileFilter } from '../../shared/apiBridge.js';

export const WORKFLOW_FILE_FILTERS: FileFilter[] = [{ name: 'Workflows', extensions: ['weft.json', 'yxmd'] }];

/** the filter of a tool's `"x-weft-file-types"` (extensions without the dot), none when it has none */
export function toolFileFilters(extensions: readonly string[] | undefined): FileFilter[] {
  const clean = (extensions ?? []).map((extension) => extension.replace(/^\./, '').toLowerCase()).filter((extension) => extension !== '');
  return clean.length === 0 ? [] : [{ name: 'Supported files', extensions: clean }];
}

export function filterLabel(filter: FileFilter): string {
  return `${filter.name} (${filter.extensions.map((extension) => `.${extension}`).join(', ')})`;
}

/** `extensions` null: all files; an extension may have several parts (`weft.json`) */
export function matchesExtensions(name: string, extensions: readonly string[] | null): boolean {
  if (!extensions) return true;
  const lower = name.toLowerCase();
  return extensions.some((extension) => lower.endsWith(`.${extension.toLowerCase()}`));
}

/** folders always show (unless hidden); files only when they match the chosen filter */
export function visibleEntries(entries: readonly DirectoryEntry[], showHidden: boolean, extensions: readonly string[] | null): DirectoryEntry[] {
  return entries.filter((entry) => (showHidden || !entry.name.startsWith('.'))
    && (entry.kind === 'directory' || matchesExtensions(entry.name, extensions)));
}
