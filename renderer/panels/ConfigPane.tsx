import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Field } from '../../shared/metadata.js';
import { getHostShell, getWeftApi } from '../api/index.js';
import { metadataOf } from '../hooks/useAnchorMetadata.js';
import { pathFromWorkflow } from '../model/configPaths.js';
import { setupProblems } from '../model/setupProblems.js';
import { errorText } from '../model/errorText.js';
import { toolFileFilters } from '../model/fileFilters.js';
import type { FileMode } from '../model/uiSchemaFor.js';
import { useCatalogStore } from '../store/catalogStore.js';
import { dialogStore } from '../store/dialogStore.js';
import { useRunStore } from '../store/runStore.js';
import { useSelectionStore } from '../store/selectionStore.js';
import { useWorkflowStore, workflowStore } from '../store/workflowStore.js';
import { ToolIcon } from '../canvas/ToolIcon.js';
import { ConfigForm } from './ConfigForm.js';
import { LayerSettings } from '../layers/LayerSettings.js';
import type { ConfigFormContext } from './widgets/configFormContext.js';

const listConnections = () => getWeftApi().listConnections();

const selectToolIds = (state: { toolIds: string[] }) => state.toolIds;
const selectLayerIds = (state: { layerIds: string[] }) => state.layerIds;

/** the native file picker (or save dialog) in the desktop app, the in-app dialog in a browser */
function browseFile(initialPath: string, mode: FileMode, onPick: (path: string) => void, fileTypes?: string[]): void {
  const start = pathFromWorkflow(initialPath, workflowStore.getState().path);
  const filters = toolFileFilters(fileTypes);
  const { pickPath } = getHostShell();
  if (!pickPath) {
    dialogStore.getState().openDialog({ kind: 'pick-file', mode, initialPath: start, onPick, filters });
    return;
  }
  const request = mode === 'save' ? { kind: 'save-file' as const, title: 'Save to file' } : { kind: 'file' as const, title: 'Choose a file' };
  void pickPath({ ...request, defaultPath: start || undefined, filters })
    .then((picked) => { if (picked) onPick(picked); })
    .catch((error: unknown) => dialogStore.getState().showNotice(errorText(error), 'error'));
}

export function ConfigPane() {
  const selected = useSelectionStore(selectToolIds);
  const layers = useSelectionStore(selectLayerIds);
  return (
    <section className="panel config-pane" role="region" aria-label="Configuration">
      <header className="panel-header"><h2>Configuration</h2></header>
      <div className="panel-body">
        {selected.length === 0 && layers.length === 1 && <LayerSettings key={layers[0]} layerId={layers[0]!} />}
        {selected.length === 0 && layers.length !== 1 && <p className="muted pad">Select a tool on the canvas to configure it.</p>}
        {selected.length > 1 && <MultiSelection count={selected.length} />}
        {selected.length === 1 && <ToolConfiguration key={selected[0]} toolId={selected[0]!} />}
      </div>
    </section>
  );
}

function MultiSelection({ count }: { count: number }) {
  return (
    <div className="pad">
      <p>{count} tools selected.</p>
      <button type="button" onClick={() => dialogStore.getState().openDialog({ kind: 'save-as-tool' })}>Save as tool…</button>
    </div>
  );
}

function ToolConfiguration({ toolId }: { toolId: string }) {
  const tool = useWorkflowStore((state) => state.workflow.tools.find((candidate) => candidate.id === toolId));
  const connections = useWorkflowStore((state) => state.workflow.connections);
  const descriptor = useCatalogStore((state) => (tool ? state.byId.get(tool.plugin) : undefined));
  const feeds = useMemo(() => connections.filter((c) => c.to.tool === toolId), [connections, toolId]);
  // only the feeding anchors' metadata: a run's record counts and previews must not re-render the form
  const feedMetadata = useRunStore(useShallow((state) => feeds.map((c) => metadataOf(state, c.from.tool, c.from.anchor))));
  const updateMessages = useRunStore((state) => state.updateMessages);
  const inputFields = useMemo(() => {
    const byAnchor: Record<string, Field[]> = {};
    feeds.forEach((c, index) => {
      byAnchor[c.to.anchor] = [...(byAnchor[c.to.anchor] ?? []), ...(feedMetadata[index]?.fields ?? [])];
    });
    return byAnchor;
  }, [feeds, feedMetadata]);
  const notSetUp = useMemo(() => (tool && descriptor ? setupProblems(tool, descriptor, connections).length > 0 : false), [tool, descriptor, connections]);
  // a tool not set up fails for that reason: the form already says what to do, in plain words
  const toolErrors = useMemo(() => (notSetUp ? [] : updateMessages.filter((m) => m.toolId === toolId && m.level === 'error').map((m) => m.text)), [notSetUp, updateMessages, toolId]);
  const context = useMemo<ConfigFormContext>(() => ({ toolId, inputFields, toolErrors, browseFile, listConnections }), [toolId, inputFields, toolErrors]);
  if (!tool) return null;
  return (
    <div className="tool-config">
      <div className="tool-config-head">
        <ToolIcon iconSvg={descriptor?.iconSvg ?? null} name={descriptor?.name ?? tool.plugin} category={descriptor?.category ?? 'Other'} size={28} />
        <div>
          <div className="tool-config-name">{descriptor?.name ?? tool.plugin}</div>
          <div className="muted small">{tool.id} · {tool.plugin}</div>
        </div>
      </div>
      {descriptor?.description && <ToolDescription text={descriptor.description} />}
      <label className="annotation-field">
        <span>Annotation</span>
        <input type="text" value={tool.annotation ?? ''} placeholder="Shown on the canvas instead of the name"
          onChange={(event) => workflowStore.getState().setToolAnnotation(tool.id, event.target.value)} />
      </label>
      {!descriptor && <p className="error-text">The plugin {tool.plugin} is not installed. The tool is kept as it is; install the plugin to configure or run it.</p>}
      {descriptor && <ConfigForm tool={tool} descriptor={descriptor} context={context} />}
      <div className="tool-config-actions">
        <button type="button" onClick={() => dialogStore.getState().openDialog({ kind: 'save-as-tool' })}>Save as tool…</button>
      </div>
    </div>
  );
}

/** A tool's description: three lines, the rest on request (long ones pushed the settings out of sight). */
function ToolDescription({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  const long = text.length > 160;
  return (
    <>
      <p className={`muted small tool-config-description${long && !expanded ? ' is-clamped' : ''}`}>{text}</p>
      {long && <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>{expanded ? 'Less' : 'More about this tool'}</button>}
    </>
  );
}
