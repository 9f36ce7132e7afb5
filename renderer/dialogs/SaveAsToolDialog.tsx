import { useMemo, useState } from 'react';
import { PACKAGE_NAME_PATTERN } from '../../shared/manifest.js';
import { getWeftApi } from '../api/index.js';
import { refreshCatalog } from '../app/pluginCommands.js';
import { errorText } from '../model/errorText.js';
import { selectionForSaveAsTool } from '../model/saveAsToolSelection.js';
import { catalogStore } from '../store/catalogStore.js';
import { dialogStore } from '../store/dialogStore.js';
import { useSelectionStore } from '../store/selectionStore.js';
import { workflowStore } from '../store/workflowStore.js';
import { Dialog } from './Dialog.js';

const selectToolIds = (state: { toolIds: string[] }) => state.toolIds;

/** Saves the selected tool (or connected group) as a new tool in the palette (a virtual plugin). */
export function SaveAsToolDialog() {
  const toolIds = useSelectionStore(selectToolIds);
  const selection = useMemo(() => selectionForSaveAsTool(workflowStore.getState().workflow, toolIds,
    (plugin) => catalogStore.getState().byId.get(plugin)), [toolIds]);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [category, setCategory] = useState('Saved tools');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idValid = PACKAGE_NAME_PATTERN.test(id);
  if (!selection.ok) {
    return <Dialog title="Save as tool"><p className="dialog-message">{selection.reason}</p></Dialog>;
  }
  const save = () => {
    setBusy(true);
    getWeftApi().saveAsTool({ id, name: name.trim(), category: category.trim() || undefined, tools: selection.tools, connections: selection.connections })
      .then((tool) => {
        dialogStore.getState().closeDialog();
        dialogStore.getState().showNotice(`Saved ${tool.name} as a tool (${tool.id})`);
        void refreshCatalog();
      })
      .catch((failure: unknown) => { setError(errorText(failure)); setBusy(false); });
  };
  return (
    <Dialog title="Save as tool" submitLabel="Save tool" onSubmit={save} submitDisabled={!idValid || name.trim() === '' || busy}>
      <p className="muted small">{selection.tools.length === 1 ? 'The selected tool, with its configuration,' : `The ${selection.tools.length} selected tools`} will be added to the palette as a new tool.</p>
      <label className="dialog-field">
        <span>Tool id</span>
        <input type="text" value={id} onChange={(event) => setId(event.target.value)} placeholder="e.g. top-customers" spellCheck={false} aria-invalid={id !== '' && !idValid} />
      </label>
      {id !== '' && !idValid && <p className="error-text small">Lower-case letters, digits and “-”, starting with a letter or digit.</p>}
      <label className="dialog-field">
        <span>Tool name</span>
        <input type="text" value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Top customers" />
      </label>
      <label className="dialog-field">
        <span>Category</span>
        <input type="text" value={category} onChange={(event) => setCategory(event.target.value)} />
      </label>
      {error && <p className="error-text">{error}</p>}
    </Dialog>
  );
}
