import type { FieldProfile } from '../../../shared/anchorData.js';
import type { PreviewValue } from '../../../shared/runEvents.js';
import { cellText } from '../../model/cellText.js';
import { useAnchorProfile } from '../../hooks/useAnchorProfile.js';

/** Bars of equal width, heights by count: a numeric field's histogram, drawn small. */
function Histogram({ bins, label }: { bins: number[]; label: string }) {
  const peak = Math.max(1, ...bins);
  const width = 120;
  const height = 28;
  const bar = width / bins.length;
  return (
    <svg className="profile-histogram" width={width} height={height} role="img" aria-label={label}>
      {bins.map((count, i) => {
        const h = count === 0 ? 0 : Math.max(1.5, (count / peak) * height);
        return <rect key={i} x={i * bar + 0.5} y={height - h} width={bar - 1} height={h}><title>{count.toLocaleString()}</title></rect>;
      })}
    </svg>
  );
}

function valueText(value: PreviewValue): string {
  return value === null ? '[null]' : value === '' ? '[empty]' : cellText(value);
}

function TopValues({ top, records }: { top: NonNullable<FieldProfile['top']>; records: number }) {
  return (
    <ul className="profile-top" aria-label="Most frequent values">
      {top.map((entry) => (
        <li key={String(entry.value)} title={`${valueText(entry.value)}: ${entry.count.toLocaleString()}`}>
          <span className="profile-top-bar" style={{ width: `${Math.max(2, (entry.count / Math.max(1, records)) * 100)}%` }} aria-hidden="true" />
          <span className="profile-top-value">{valueText(entry.value)}</span>
          <span className="profile-top-count">{entry.count.toLocaleString()}</span>
        </li>
      ))}
    </ul>
  );
}

/** Per field of an anchor of a past run: type, nulls, distinct values, min/max and a small picture. */
export function FieldProfileList({ runId, tool, anchor }: { runId: string; tool: string; anchor: string }) {
  const { profile, error } = useAnchorProfile(runId, tool, anchor);
  if (error) return <p className="muted pad">{error}</p>;
  if (!profile) return <p className="muted pad">Profiling the fields…</p>;
  return (
    <div className="field-profiles" role="list" aria-label="Field profile" data-testid="results.profile">
      {profile.fields.map((field) => (
        <div key={field.name} className="field-profile" role="listitem" aria-label={field.name}>
          <div className="field-profile-head"><strong title={field.name}>{field.name}</strong><span className="muted">{field.type}</span></div>
          <div className="field-profile-stats">
            <span title="null values">nulls {field.nulls.toLocaleString()}</span>
            <span title={field.distinctApproximate ? 'distinct values (estimated)' : 'distinct values'}>distinct {field.distinctApproximate ? '≈' : ''}{field.distinct.toLocaleString()}</span>
          </div>
          {field.min !== null && <div className="field-profile-range muted" title="min … max">{valueText(field.min)} … {valueText(field.max)}</div>}
          {field.histogram && <Histogram bins={field.histogram} label={`Histogram of ${field.name}`} />}
          {field.top && <TopValues top={field.top} records={profile.records} />}
        </div>
      ))}
    </div>
  );
}
