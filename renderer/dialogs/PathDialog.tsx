import { useCallback, useEffect, useState } from 'react';
import type { DirectoryListing } from '../../shared/weftApi.js';
import { getWeftApi } from '../api/index.js';
import { errorText } from '../model/errorText.js';
import { dialogStore } from '../store/dialogStore.js';
import { Icon } from '../toolbar/Icon.js';
import { Dialog } from './Dialog.js';

export type PathDialogMode = 'open-file' | 'save-file' | 'folder';

function parentOf(path: string): string | null {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return index > 0 ? path.slice(0, index) : null;
}

/** The path after entering a folder: the folder itself, or (saving) the same file name inside it. */
function pathIn(folder: string, current: string, mode: PathDialogMode): string {
  if (mode === 'folder') return folder;
  if (mode === 'open-file') return current;
  const name = current.split(/[\\/]/).pop() || 'workflow.weft.json';
  return `${folder}/${name}`;
}

/**
 * The in-app file dialog (browser mode has no native one): a path field and a listing of the
 * host's directories through `listDirectory`.
 */
export function PathDialog({ title, mode, initialPath, submitLabel, onChoose }: {
  title: string; mode: PathDialogMode; initialPath: string | null; submitLabel: string; onChoose: (path: string) => void;
}) {
  const [path, setPath] = useState(initialPath ?? '');
  const [listing, setListing] = useState<DirectoryListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const browse = useCallback((dir: string | null) => {
    getWeftApi().listDirectory(dir).then((result) => { setListing(result); setError(null); })
      .catch((failure: unknown) => setError(errorText(failure)));
  }, []);
  useEffect(() => { browse(initialPath ? parentOf(initialPath) : null); }, [browse, initialPath]);
  useEffect(() => {
    if (listing && path === '') setPath(mode === 'save-file' ? `${listing.path}/workflow.weft.json` : mode === 'folder' ? listing.path : '');
  }, [listing, mode, path]);
  const choose = () => { dialogStore.getState().closeDialog(); onChoose(path.trim()); };
  return (
    <Dialog title={title} submitLabel={submitLabel} submitDisabled={path.trim() === ''} onSubmit={choose} wide>
      <label className="dialog-field">
        <span>Path</span>
        <input type="text" value={path} onChange={(event) => setPath(event.target.value)} spellCheck={false} />
      </label>
      <div className="file-browser" aria-label="Folder contents">
        <div className="file-browser-head">
          <button type="button" disabled={!listing?.parent} onClick={() => browse(listing?.parent ?? null)} aria-label="Parent folder">↑</button>
          <span className="file-browser-path" title={listing?.path}>{listing?.path ?? '…'}</span>
        </div>
        {error && <p className="error-text">{error}</p>}
        <ul>
          {listing?.entries.map((entry) => (
            <li key={entry.path}>
              <button type="button" className={`file-entry file-entry-${entry.kind}`}
                onClick={() => { if (entry.kind === 'directory') { browse(entry.path); setPath(pathIn(entry.path, path, mode)); } else setPath(entry.path); }}
                onDoubleClick={() => { if (entry.kind === 'file' && mode !== 'folder') { setPath(entry.path); dialogStore.getState().closeDialog(); onChoose(entry.path); } }}>
                <Icon name={entry.kind === 'directory' ? 'folder' : 'file'} /> {entry.name}
              </button>
            </li>
          ))}
          {listing && listing.entries.length === 0 && <li className="muted pad">This folder is empty.</li>}
        </ul>
      </div>
    </Dialog>
  );
}
