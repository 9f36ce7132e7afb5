import { useCallback, useMemo } from 'react';
import { metadataOf } from '../../hooks/useAnchorMetadata.js';
import { anchorKey } from '../../model/connectionKey.js';
import { useRunStore } from '../../store/runStore.js';
import { MetadataTable } from './MetadataTable.js';
import { PreviewGrid } from './PreviewGrid.js';

/** The preview rows a full run reported for an output anchor, with its fields and count. */
export function AnchorResult({ source }: { source: { tool: string; anchor: string } | null }) {
  const key = source ? anchorKey(source) : '';
  const run = useRunStore((state) => state.anchors[key]);
  const metadata = useRunStore((state) => (source ? metadataOf(state, source.tool, source.anchor) : undefined));
  const rows = run?.preview;
  const columns = useMemo(() => metadata?.fields.map((field) => field.name) ?? Object.keys(rows?.[0] ?? {}), [metadata, rows]);
  const rowAt = useCallback((index: number) => rows?.[index], [rows]);
  if (!source) return <p className="muted pad">This input is not connected.</p>;
  return (
    <div className="result-split">
      <div className="result-data">
        <div className="result-summary" data-testid="results.count">
          {run?.records !== undefined ? `${run.records.toLocaleString()} records` : 'Run the workflow to see records.'}
          {run?.truncated && rows ? ` · showing the first ${rows.length.toLocaleString()}; add a Browse tool to see all rows` : ''}
        </div>
        {rows ? <PreviewGrid columns={columns} rowCount={rows.length} rowAt={rowAt} label={`Data of ${source.tool}.${source.anchor}`} />
          : <div className="result-empty muted">No rows yet.</div>}
      </div>
      <div className="result-metadata"><MetadataTable metadata={metadata} /></div>
    </div>
  );
}
