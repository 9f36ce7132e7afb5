/**
 * Wires the stores to the host: the tool catalog, run events, update-only runs after edits,
 * the window's document state, menu commands and UI settings. Returns a disconnect function.
 */
import type { MenuCommand } from '../../shared/apiBridge.js';
import { getHostShell, getWeftApi } from '../api/index.js';
import { errorText } from '../model/errorText.js';
import { staleToolIds } from '../model/staleTools.js';
import { TYPING_DEBOUNCE_MS, UpdateOnlyScheduler } from '../model/updateOnlyScheduler.js';
import { startPageStore } from '../start/startPageStore.js';
import { runStore } from '../store/runStore.js';
import { prefersDark, settingsStore, type PanelSizes } from '../store/settingsStore.js';
import { workflowStore } from '../store/workflowStore.js';
import { runMenuCommand } from './menuCommands.js';
import { refreshCatalog } from './pluginCommands.js';
import { openWorkflowAt } from './workflowCommands.js';

function requestUpdate(scheduler: UpdateOnlyScheduler, delayMs: number): void {
  const { workflow, path } = workflowStore.getState();
  if (workflow.tools.length === 0) {
    scheduler.cancel();
    runStore.getState().applyUpdateSummary({ runId: '', mode: 'update', status: 'ok', durationMs: 0, tools: {} });
    return;
  }
  scheduler.request(workflow, path, delayMs);
}

function connectSettings(): () => void {
  const shell = getHostShell();
  void shell.getUiSettings().then((stored) => {
    const theme = stored.theme === 'system' ? (prefersDark() ? 'dark' : 'light') : stored.theme;
    const panels: Partial<PanelSizes> = {};
    for (const key of ['palette', 'config', 'bottom'] as const) {
      const size = stored.panelSizes[key];
      if (typeof size === 'number') panels[key] = size;
    }
    const recentWorkflows = (stored.recentWorkflows ?? []).filter((path) => typeof path === 'string');
    const cardSize = stored.cardSize === 'roomy' ? 'roomy' : 'compact';
    settingsStore.getState().applySettings({ theme, panels: { ...settingsStore.getState().panels, ...panels }, recentWorkflows, cardSize });
  }).catch(() => undefined);
  return settingsStore.subscribe((state, previous) => {
    if (state.theme !== previous.theme || state.panels !== previous.panels) {
      shell.setUiSettings({ theme: state.theme, panelSizes: { ...state.panels } });
    }
    if (state.recentWorkflows !== previous.recentWorkflows) shell.setUiSettings({ recentWorkflows: state.recentWorkflows });
    if (state.cardSize !== previous.cardSize) shell.setUiSettings({ cardSize: state.cardSize });
  });
}

export function connectHost(): () => void {
  const api = getWeftApi();
  const shell = getHostShell();
  const scheduler = new UpdateOnlyScheduler((workflow, path) => api.updateOnly(workflow, path), {
    onResult: (summary) => { runStore.getState().applyUpdateSummary(summary); runStore.getState().setHostError(null); },
    onError: (error) => runStore.getState().setHostError(`Update failed: ${errorText(error)}`),
  });
  const offRunEvents = api.onRunEvent((event) => runStore.getState().applyRunEvent(event));
  const offPlugins = api.onPluginsChanged(() => {
    void refreshCatalog().then(() => requestUpdate(scheduler, 0));
  });
  const offWorkflow = workflowStore.subscribe((state, previous) => {
    if (state.revision === previous.revision) {
      if (state.path !== previous.path || state.dirty !== previous.dirty) shell.setDocumentState({ path: state.path, dirty: state.dirty });
      return;
    }
    shell.setDocumentState({ path: state.path, dirty: state.dirty });
    startPageStore.getState().hideStartPage();
    if (state.lastEditKind === 'cosmetic') return;
    if (state.lastEditKind !== 'replace') {
      runStore.getState().markEdited();
      runStore.getState().invalidateTools(staleToolIds(previous.workflow, state.workflow));
    }
    requestUpdate(scheduler, state.lastEditKind === 'config' ? TYPING_DEBOUNCE_MS : 0);
  });
  const offMenu = shell.onMenuCommand((command: MenuCommand) => runMenuCommand(command));
  const offSettings = connectSettings();
  shell.setDocumentState({ path: null, dirty: false });
  void refreshCatalog();
  void shell.initialWorkflowPath().then((path) => { if (path) void openWorkflowAt(path); }).catch(() => undefined);
  return () => {
    scheduler.cancel();
    offRunEvents();
    offPlugins();
    offWorkflow();
    offMenu();
    offSettings();
  };
}

