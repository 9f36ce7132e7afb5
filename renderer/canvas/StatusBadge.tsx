import type { DisplayStatus } from '../model/displayStatus.js';

const LABELS: Record<DisplayStatus, string> = {
  'missing-plugin': 'missing plugin',
  'not-configured': 'not configured',
  disabled: 'disabled',
  pending: 'not run',
  running: 'running',
  ok: 'ok',
  warning: 'warning',
  error: 'error',
  cancelled: 'cancelled',
};

/** `cached`: the tool did not run in the latest run, its outputs came from the anchor cache */
export function StatusBadge({ status, progress, cached = false }: { status: DisplayStatus; progress: number | undefined; cached?: boolean }) {
  const percent = status === 'running' && progress !== undefined ? Math.round(progress * 100) : undefined;
  return (
    <span className={`status-badge status-${status}${cached ? ' is-cached' : ''}`} data-testid="tool.status"
      title={cached ? 'Not run: unchanged since an earlier run, its outputs come from the cache' : undefined}>
      <span className="status-dot" aria-hidden="true" />
      {LABELS[status]}{percent !== undefined ? ` ${percent}%` : ''}
      {cached && <span className="cache-mark" data-testid="tool.cached"> · cached</span>}
      {percent !== undefined && <span className="status-progress" style={{ width: `${percent}%` }} aria-hidden="true" />}
    </span>
  );
}
