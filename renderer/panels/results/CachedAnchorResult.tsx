import { useState } from 'react';
import type { AnchorSort } from '../../../shared/anchorData.js';
import { metadataOf } from '../../hooks/useAnchorMetadata.js';
import { useAnchorPages } from '../../hooks/useAnchorPages.js';
import { useRunStore } from '../../store/runStore.js';
import { AnchorResult } from './AnchorResult.js';
import { FieldProfileList } from './FieldProfileList.js';
import { MetadataTable } from './MetadataTable.js';
import { PreviewGrid } from './PreviewGrid.js';

/** the next order when a column header is clicked: ascending, then descending, then as written */
function nextSort(current: AnchorSort | null, field: string): AnchorSort | null {
  if (current?.field !== field) return { field, descending: false };
  return current.descending ? null : { field, descending: true };
}

/**
 * Every row of an output anchor of the latest full run, paged from the anchor cache, sortable by a
 * column, beside a profile of its fields. Falls back to the run's preview when the rows were not kept.
 */
export function CachedAnchorResult({ runId, source }: { runId: string; source: { tool: string; anchor: string } }) {
  const [sort, setSort] = useState<AnchorSort | null>(null);
  const pages = useAnchorPages(runId, source.tool, source.anchor, sort);
  const metadata = useRunStore((state) => metadataOf(state, source.tool, source.anchor));
  const [view, setView] = useState<'profile' | 'fields'>('profile');
  if (pages.error) {
    return (
      <div className="result-fallback">
        <p className="result-note muted" role="note">{pages.error}</p>
        <AnchorResult source={source} />
      </div>
    );
  }
  const columns = metadata?.fields.map((field) => field.name) ?? [];
  return (
    <div className="result-split">
      <div className="result-data">
        <div className="result-summary" data-testid="results.count">
          {pages.total === null ? 'Loading rows…' : `${pages.total.toLocaleString()} records · all rows`}
          {sort ? ` · sorted by ${sort.field} ${sort.descending ? '↓' : '↑'}` : ''}
        </div>
        {pages.total !== null && (
          <PreviewGrid columns={columns} rowCount={pages.total} rowAt={pages.rowAt} label={`Data of ${source.tool}.${source.anchor}`}
            sort={sort} onSort={(field) => setSort((current) => nextSort(current, field))} />
        )}
      </div>
      <div className="result-metadata result-profile">
        <div className="result-side-tabs" role="tablist" aria-label="Field details">
          <button type="button" role="tab" aria-selected={view === 'profile'} onClick={() => setView('profile')}>Profile</button>
          <button type="button" role="tab" aria-selected={view === 'fields'} onClick={() => setView('fields')}>Fields</button>
        </div>
        {view === 'profile' ? <FieldProfileList runId={runId} tool={source.tool} anchor={source.anchor} /> : <MetadataTableLazy source={source} />}
      </div>
    </div>
  );
}

function MetadataTableLazy({ source }: { source: { tool: string; anchor: string } }) {
  const metadata = useRunStore((state) => metadataOf(state, source.tool, source.anchor));
  return <MetadataTable metadata={metadata} />;
}
