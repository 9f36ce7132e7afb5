import { useResultTarget } from '../../hooks/useResultTarget.js';
import { selectionStore } from '../../store/selectionStore.js';
import { useRunStore } from '../../store/runStore.js';
import { anchorKey } from '../../model/connectionKey.js';
import { AnchorResult } from './AnchorResult.js';
import { BrowseResult } from './BrowseResult.js';
import { CachedAnchorResult } from './CachedAnchorResult.js';
import { browseResultToolId } from '../../../shared/browseResult.js';


/** The data of the selected tool's anchor: rows, fields and record count. */
export function ResultsPanel() {
  const target = useResultTarget();
  const browseRunId = useRunStore((state) => {
    if (!target || !state.lastFullRunId) return null;
    const stored = state.results[target.toolId] ?? [];
    return stored.some((path) => browseResultToolId(path) === target.toolId) ? state.lastFullRunId : null;
  });
  // every anchor of the latest full run can be paged in full from the anchor cache, unless an edit made it stale
  const cachedRunId = useRunStore((state) => {
    const source = target?.selected?.source;
    if (!source || !state.lastFullRunId || state.activeRunId !== null || state.staleTools[source.tool]) return null;
    return state.anchors[anchorKey(source)]?.records !== undefined ? state.lastFullRunId : null;
  });
  return (
    <section className="panel results-panel" role="region" aria-label="Results">
      <header className="panel-header">
        <h2>Results</h2>
        {target && <span className="muted">{target.descriptor?.name ?? ''} {target.toolId}</span>}
        {target && target.options.length > 1 && (
          <div className="anchor-tabs" role="tablist" aria-label="Anchor">
            {target.options.map((option) => (
              <button key={option.value} type="button" role="tab" aria-selected={option.value === target.selected?.value}
                onClick={() => selectionStore.getState().selectResultAnchor(option.value)}>{option.label}</button>
            ))}
          </div>
        )}
      </header>
      <div className="panel-body results-body">
        {!target && <p className="muted pad">Select a tool to see its data.</p>}
        {target && browseRunId && <BrowseResult runId={browseRunId} toolId={target.toolId} anchor={target.descriptor?.inputs[0]?.name ?? 'Input'} source={target.selected?.source ?? null} />}
        {target && !browseRunId && cachedRunId && target.selected?.source && (
          <CachedAnchorResult key={`${cachedRunId}:${anchorKey(target.selected.source)}`} runId={cachedRunId} source={target.selected.source} />
        )}
        {target && !browseRunId && !cachedRunId && target.selected && <AnchorResult source={target.selected.source} />}
        {target && !target.selected && <p className="muted pad">This tool has no anchors.</p>}
      </div>
    </section>
  );
}
