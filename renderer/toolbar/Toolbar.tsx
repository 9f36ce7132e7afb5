import { isBrowserMode } from '../api/index.js';
import { autoLayoutCanvas, fitCanvas } from '../app/documentCommands.js';
import { redoEdit, undoEdit } from '../app/editCommands.js';
import { addNoteAtViewCenter, groupSelectedTools } from '../app/layerCommands.js';
import { shortcutOf } from '../app/keyActions.js';
import { cancelCurrentRun, runCurrentWorkflow, selectRunInFlight } from '../app/runCommands.js';
import { newWorkflow, requestOpenWorkflow, requestSaveWorkflow, requestSaveWorkflowAs } from '../app/workflowCommands.js';
import { dialogStore } from '../store/dialogStore.js';
import { useRunStore } from '../store/runStore.js';
import { useSelectionStore } from '../store/selectionStore.js';
import { settingsStore, useSettingsStore } from '../store/settingsStore.js';
import { useWorkflowStore } from '../store/workflowStore.js';
import { Icon } from './Icon.js';
import { PluginsMenu } from './PluginsMenu.js';
import { ToolbarButton } from './ToolbarButton.js';

const selectCanUndo = (state: { history: { past: unknown[] } }) => state.history.past.length > 0;
const selectCanRedo = (state: { history: { future: unknown[] } }) => state.history.future.length > 0;
const selectTitle = (state: { path: string | null; dirty: boolean }) => `${state.dirty ? '• ' : ''}${state.path ? state.path.split(/[\\/]/).pop() : 'Untitled'}`;
const selectTheme = (state: { theme: 'light' | 'dark' }) => state.theme;
const selectHasTools = (state: { toolIds: string[] }) => state.toolIds.length > 0;

export function Toolbar() {
  const running = useRunStore(selectRunInFlight);
  const canUndo = useWorkflowStore(selectCanUndo);
  const canRedo = useWorkflowStore(selectCanRedo);
  const title = useWorkflowStore(selectTitle);
  const theme = useSettingsStore(selectTheme);
  const hasToolSelection = useSelectionStore(selectHasTools);
  return (
    <header className="toolbar" role="toolbar" aria-label="Workflow">
      <div className="brand" aria-hidden="true">Weft</div>
      <div className="toolbar-group">
        <ToolbarButton label="New" onClick={newWorkflow}><Icon name="new" /></ToolbarButton>
        <ToolbarButton label="Open" shortcut={shortcutOf('open')} onClick={requestOpenWorkflow}><Icon name="open" /></ToolbarButton>
        <ToolbarButton label="Save" shortcut={shortcutOf('save')} onClick={() => void requestSaveWorkflow()}><Icon name="save" /></ToolbarButton>
        <ToolbarButton label="Save As" shortcut={shortcutOf('saveAs')} onClick={() => void requestSaveWorkflowAs()} />
      </div>
      <div className="toolbar-group toolbar-group-icons">
        <ToolbarButton label="Undo" shortcut={shortcutOf('undo')} disabled={!canUndo} onClick={undoEdit}><Icon name="undo" /></ToolbarButton>
        <ToolbarButton label="Redo" shortcut={shortcutOf('redo')} disabled={!canRedo} onClick={redoEdit}><Icon name="redo" /></ToolbarButton>
      </div>
      <div className="toolbar-group">
        <ToolbarButton label="Run" variant="primary" shortcut={shortcutOf('run')} disabled={running} onClick={() => void runCurrentWorkflow()}><Icon name="run" /></ToolbarButton>
        <ToolbarButton label="Run all" disabled={running} onClick={() => void runCurrentWorkflow(false)}><Icon name="run" /></ToolbarButton>
        <ToolbarButton label="Cancel" variant="danger" disabled={!running} onClick={() => void cancelCurrentRun()}><Icon name="cancel" /></ToolbarButton>
      </div>
      <div className="toolbar-group toolbar-group-icons">
        <ToolbarButton label="Fit" onClick={fitCanvas}><Icon name="fit" /></ToolbarButton>
        <ToolbarButton label="Auto-layout" onClick={autoLayoutCanvas}><Icon name="layout" /></ToolbarButton>
        <ToolbarButton label="Note" onClick={addNoteAtViewCenter}><Icon name="note" /></ToolbarButton>
        <ToolbarButton label="Container" disabled={!hasToolSelection} onClick={groupSelectedTools}><Icon name="group" /></ToolbarButton>
        <ToolbarButton label="Save as tool" onClick={() => dialogStore.getState().openDialog({ kind: 'save-as-tool' })}><Icon name="tool" /></ToolbarButton>
      </div>
      <div className="toolbar-spacer" />
      <span className="document-title" data-testid="document.title">{title}</span>
      {isBrowserMode() && <PluginsMenu />}
      <button type="button" className="toolbar-button" aria-label={theme === 'dark' ? 'Light theme' : 'Dark theme'} title="Toggle light/dark theme"
        onClick={() => settingsStore.getState().toggleTheme()}><Icon name="theme" /></button>
    </header>
  );
}
