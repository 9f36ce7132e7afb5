import type { ReactNode } from 'react';

export function ToolbarButton({ label, onClick, disabled, shortcut, children, variant, testId }: {
  label: string; onClick: () => void; disabled?: boolean; shortcut?: string; children?: ReactNode; variant?: 'primary' | 'danger'; testId?: string;
}) {
  return (
    <button type="button" className={`toolbar-button${variant ? ` toolbar-${variant}` : ''}`} onClick={onClick} disabled={disabled}
      title={shortcut ? `${label} (${shortcut})` : label} aria-keyshortcuts={shortcut} data-testid={testId}>
      {children}
      <span className="toolbar-label">{label}</span>
    </button>
  );
}
