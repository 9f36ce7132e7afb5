import { installPluginFrom, loadPluginFolder } from '../app/pluginCommands.js';
import { openWorkflowAt, saveWorkflowAt } from '../app/workflowCommands.js';
import { WORKFLOW_FILE_FILTERS } from '../model/fileFilters.js';
import { useDialogStore, type DialogRequest } from '../store/dialogStore.js';
import { workflowStore } from '../store/workflowStore.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { FormulaHelpDialog } from './FormulaHelpDialog.js';
import { ManagePluginsDialog } from './ManagePluginsDialog.js';
import { PathDialog } from './PathDialog.js';
import { InstallPluginDialog } from './InstallPluginDialog.js';
import { SaveAsToolDialog } from './SaveAsToolDialog.js';

const selectDialog = (state: { dialog: DialogRequest | null }) => state.dialog;

export function DialogHost() {
  const dialog = useDialogStore(selectDialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'open-workflow':
      return <PathDialog title="Open workflow" mode="open-file" initialPath={workflowStore.getState().path} submitLabel="Open" onChoose={(path) => void openWorkflowAt(path)} filters={WORKFLOW_FILE_FILTERS} />;
    case 'save-workflow':
      return <PathDialog title="Save workflow as" mode="save-file" initialPath={workflowStore.getState().path} submitLabel="Save" onChoose={(path) => void saveWorkflowAt(path)} filters={WORKFLOW_FILE_FILTERS} />;
    case 'install-plugin':
      return <PathDialog title="Install plugin from folder" mode="folder" initialPath={null} submitLabel="Install" onChoose={(path) => installPluginFrom(path)} />;
    case 'install-consent':
      return <InstallPluginDialog dir={dialog.dir} />;
    case 'load-plugin-folder':
      return <PathDialog title="Load plugin folder for development" mode="folder" initialPath={null} submitLabel="Load" onChoose={(path) => void loadPluginFolder(path)} />;
    case 'pick-file':
      return dialog.mode === 'save'
        ? <PathDialog title="Save to file" mode="save-file" initialPath={dialog.initialPath || null} submitLabel="Choose" onChoose={dialog.onPick} defaultFileName="" filters={dialog.filters} />
        : <PathDialog title="Choose a file" mode="open-file" initialPath={dialog.initialPath || null} submitLabel="Choose" onChoose={dialog.onPick} filters={dialog.filters} />;
    case 'manage-plugins':
      return <ManagePluginsDialog />;
    case 'save-as-tool':
      return <SaveAsToolDialog />;
    case 'formula-help':
      return <FormulaHelpDialog />;
    case 'confirm':
      return <ConfirmDialog title={dialog.title} message={dialog.message} confirmLabel={dialog.confirmLabel} onConfirm={dialog.onConfirm} />;
  }
}
