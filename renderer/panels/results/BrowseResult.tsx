import { metadataOf } from '../../hooks/useAnchorMetadata.js';
import { useBrowsePages } from '../../hooks/useBrowsePages.js';
import { useRunStore } from '../../store/runStore.js';
import { MetadataTable } from './MetadataTable.js';
import { PreviewGrid } from './PreviewGrid.js';

/** All rows a Browse tool stored in the run, paged from the host as the grid scrolls. */
export function BrowseResult({ runId, toolId, anchor, source }: { runId: string; toolId: string; anchor: string; source: { tool: string; anchor: string } | null }) {
  const pages = useBrowsePages(runId, toolId, anchor);
  const metadata = useRunStore((state) => (source ? metadataOf(state, source.tool, source.anchor) : undefined));
  const columns = metadata?.fields.map((field) => field.name) ?? pages.columns;
  return (
    <div className="result-split">
      <div className="result-data">
        <div className="result-summary" data-testid="results.count">
          {pages.error ?? (pages.total === null ? 'Loading rows…' : `${pages.total.toLocaleString()} records`)}
        </div>
        {pages.total !== null && <PreviewGrid columns={columns} rowCount={pages.total} rowAt={pages.rowAt} label={`Data browsed by ${toolId}`} />}
      </div>
      <div className="result-metadata"><MetadataTable metadata={metadata} /></div>
    </div>
  );
}
