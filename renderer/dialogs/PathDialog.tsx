import { useCallback, useEffect, useId, useState } from 'react';
import type { FileFilter } from '../../shared/apiBridge.js';
import type { DirectoryListing } from '../../shared/weftApi.js';
import { getWeftApi } from '../api/index.js';
import { canChoose, pathAfterOpening, pathIn, startFolder, startPath, type PathDialogMode } from '../model/dialogPaths.js';
import { errorText } from '../model/errorText.js';
import { filterLabel, visibleEntries } from '../model/fileFilters.js';
import { lastFolder, rememberFolder } from '../model/lastFolder.js';
import { dialogStore } from '../store/dialogStore.js';
import { workflowStore } from '../store/workflowStore.js';
import { Icon } from '../toolbar/Icon.js';
import { Dialog } from './Dialog.js';

/**
 * The in-app file dialog (browser mode has no native one): a path field and a listing of the
 * host's directories through `listDirectory`. Saving (`save-file`) takes a new file name typed
 * into the path field; `defaultFileName` is the name it proposes ('' proposes none). Enter on a
 * typed folder opens it; `filters` are the file types listed first, before "All files".
 */
export function PathDialog({ title, mode, initialPath, submitLabel, onChoose, defaultFileName = 'workflow.weft.json', filters = [] }: {
  title: string; mode: PathDialogMode; initialPath: string | null; submitLabel: string; onChoose: (path: string) => void;
  defaultFileName?: string; filters?: FileFilter[];
}) {
  const [path, setPath] = useState(initialPath ?? '');
  const [listing, setListing] = useState<DirectoryListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const [filterIndex, setFilterIndex] = useState(0);
  const typeId = useId();
  const browse = useCallback((dir: string | null, homeOnFailure = false) => {
    getWeftApi().listDirectory(dir).then((result) => { setListing(result); setError(null); })
      .catch((failure: unknown) => { if (homeOnFailure && dir !== null) browse(null); else setError(errorText(failure)); });
  }, []);
  useEffect(() => { browse(startFolder(initialPath, lastFolder(), workflowStore.getState().path), true); }, [browse, initialPath]);
  useEffect(() => {
    if (listing && path === '') setPath(startPath(listing.path, mode, defaultFileName));
  }, [listing, mode, path, defaultFileName]);
  const finish = (chosen: string) => {
    rememberFolder(chosen, mode === 'folder');
    dialogStore.getState().closeDialog();
    onChoose(chosen);
  };
  // a folder typed into a file dialog is opened, not chosen as the file
  const submit = () => {
    const typed = path.trim();
    if (mode === 'folder') { finish(typed); return; }
    getWeftApi().listDirectory(typed).then((folder) => {
      setListing(folder); setError(null); setPath(pathAfterOpening(folder.path, mode, defaultFileName));
    }, () => finish(typed));
  };
  const extensions = filterIndex < filters.length ? filters[filterIndex]!.extensions : null;
  const entries = listing ? visibleEntries(listing.entries, showHidden, extensions) : [];
  return (
    <Dialog title={title} submitLabel={submitLabel} submitDisabled={!canChoose(path, mode)} onSubmit={submit} wide>
      <label className="dialog-field">
        <span>Path</span>
        <input type="text" value={path} onChange={(event) => setPath(event.target.value)} spellCheck={false} />
      </label>
      {mode === 'save-file' && <p className="muted small">Type a new file name, or pick a file to replace.</p>}
      <div className="file-browser" aria-label="Folder contents">
        <div className="file-browser-head">
          <button type="button" disabled={!listing?.parent} onClick={() => browse(listing?.parent ?? null)} aria-label="Parent folder">↑</button>
          <span className="file-browser-path" title={listing?.path}>{listing?.path ?? '…'}</span>
        </div>
        {error && <p className="error-text">{error}</p>}
        <ul>
          {entries.map((entry) => (
            <li key={entry.path}>
              <button type="button" className={`file-entry file-entry-${entry.kind}`}
                onClick={() => { if (entry.kind === 'directory') { browse(entry.path); setPath(pathIn(entry.path, path, mode, defaultFileName)); } else setPath(entry.path); }}
                onDoubleClick={() => { if (entry.kind === 'file' && mode !== 'folder') finish(entry.path); }}>
                <Icon name={entry.kind === 'directory' ? 'folder' : 'file'} /> {entry.name}
              </button>
            </li>
          ))}
          {listing && entries.length === 0 && <li className="muted pad">{listing.entries.length === 0 ? 'This folder is empty.' : 'No files of this type here.'}</li>}
        </ul>
      </div>
      <div className="file-browser-options">
        {mode !== 'folder' && (
          <label htmlFor={typeId}>File type{' '}
            <select id={typeId} value={filterIndex} onChange={(event) => setFilterIndex(Number(event.target.value))}>
              {filters.map((filter, index) => <option key={filter.name} value={index}>{filterLabel(filter)}</option>)}
              <option value={filters.length}>All files</option>
            </select>
          </label>
        )}
        <label><input type="checkbox" checked={showHidden} onChange={(event) => setShowHidden(event.target.checked)} /> Show hidden files</label>
      </div>
    </Dialog>
  );
}
