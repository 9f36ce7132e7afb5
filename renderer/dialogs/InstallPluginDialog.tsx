import { useEffect, useState } from 'react';
import type { PluginFolderSummary } from '../../shared/weftApi.js';
import { getWeftApi } from '../api/index.js';
import { installConsented } from '../app/pluginCommands.js';
import { errorText } from '../model/errorText.js';
import { installClashOf } from '../model/installClash.js';
import { dialogStore } from '../store/dialogStore.js';
import { Dialog } from './Dialog.js';

/**
 * The consent before installing a plugin folder: a plugin is code that runs with the user's rights
 * (docs/plugins.md, "Trust"), so the dialog names the package, its version and the folder, and
 * installs only on Install. A failure keeps the dialog open with the error; a package of that name
 * already installed offers to replace it.
 */
export function InstallPluginDialog({ dir }: { dir: string }) {
  const [summary, setSummary] = useState<PluginFolderSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [replace, setReplace] = useState(false);
  useEffect(() => {
    getWeftApi().inspectPlugin(dir).then(setSummary, (failure: unknown) => setError(errorText(failure)));
  }, [dir]);
  const install = () => {
    setBusy(true);
    setError(null);
    installConsented(dir, replace).then(() => dialogStore.getState().closeDialog(), (failure: unknown) => {
      const message = errorText(failure);
      if (!replace && installClashOf(message)) setReplace(true);
      setError(message);
      setBusy(false);
    });
  };
  return (
    <Dialog title="Install plugin" submitLabel={busy ? 'Installing…' : replace ? 'Replace installed' : 'Install'}
      submitDisabled={!summary || busy} onSubmit={install} wide>
      {!summary && !error && <p className="muted">Reading {dir}…</p>}
      {summary && (
        <dl className="install-summary" aria-label="Plugin to install">
          <dt>Package</dt><dd>{summary.displayName} <span className="muted">({summary.name})</span></dd>
          <dt>Version</dt><dd>{summary.version}</dd>
          <dt>From</dt><dd className="install-source">{summary.dir}</dd>
          <dt>Tools</dt><dd>{summary.tools.join(', ') || 'none'}</dd>
        </dl>
      )}
      {summary && (
        <p className="dialog-message">
          A plugin is a program: its tools run inside Weft with your rights and can read and change your files.
          Install it only if you trust where it comes from.
        </p>
      )}
      {error && <p className="error-text" role="alert">{error}</p>}
    </Dialog>
  );
}
