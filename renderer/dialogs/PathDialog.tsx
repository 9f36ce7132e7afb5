import { useCallback, useEffect, useState } from 'react';
import type { DirectoryListing } from '../../shared/weftApi.js';
import { getWeftApi } from '../api/index.js';
import { canChoose, parentOf, pathIn, startPath, type PathDialogMode } from '../model/dialogPaths.js';
import { errorText } from '../model/errorText.js';
import { dialogStore } from '../store/dialogStore.js';
import { Icon } from '../toolbar/Icon.js';
import { Dialog } from './Dialog.js';

/**
 * The in-app file dialog (browser mode has no native one): a path field and a listing of the
 * host's directories through `listDirectory`. Saving (`save-file`) takes a new file name typed
 * into the path field; `defaultFileName` is the name it proposes ('' proposes none).
 */
export function PathDialog({ title, mode, initialPath, submitLabel, onChoose, defaultFileName = 'workflow.weft.json' }: {
  title: string; mode: PathDialogMode; initialPath: string | null; submitLabel: string; onChoose: (path: string) => void; defaultFileName?: string;
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
    if (listing && path === '') setPath(startPath(listing.path, mode, defaultFileName));
  }, [listing, mode, path, defaultFileName]);
  const choose = () => { dialogStore.getState().closeDialog(); onChoose(path.trim()); };
  return (
    <Dialog title={title} submitLabel={submitLabel} submitDisabled={!canChoose(path, mode)} onSubmit={choose} wide>
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
          {listing?.entries.map((entry) => (
            <li key={entry.path}>
              <button type="button" className={`file-entry file-entry-${entry.kind}`}
                onClick={() => { if (entry.kind === 'directory') { browse(entry.path); setPath(pathIn(entry.path, path, mode, defaultFileName)); } else setPath(entry.path); }}
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
