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

export function StatusBadge({ status, progress }: { status: DisplayStatus; progress: number | undefined }) {
  const percent = status === 'running' && progress !== undefined ? Math.round(progress * 100) : undefined;
  return (
    <span className={`status-badge status-${status}`} data-testid="tool.status">
      <span className="status-dot" aria-hidden="true" />
      {LABELS[status]}{percent !== undefined ? ` ${percent}%` : ''}
      {percent !== undefined && <span className="status-progress" style={{ width: `${percent}%` }} aria-hidden="true" />}
    </span>
  );
}
