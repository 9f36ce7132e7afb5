import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { dialogStore } from '../store/dialogStore.js';

/** A modal dialog: Escape or Cancel closes it, Enter submits its form. */
export function Dialog({ title, children, onSubmit, submitLabel, submitDisabled, wide }: {
  title: string; children: ReactNode; onSubmit?: () => void; submitLabel?: string; submitDisabled?: boolean; wide?: boolean;
}) {
  const titleId = useId();
  const box = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const escape = (event: KeyboardEvent) => { if (event.key === 'Escape') dialogStore.getState().closeDialog(); };
    document.addEventListener('keydown', escape);
    box.current?.querySelector<HTMLElement>('input, select, textarea, button[type="submit"]')?.focus();
    return () => document.removeEventListener('keydown', escape);
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!submitDisabled) onSubmit?.();
  };
  return (
    <div className="dialog-backdrop">
      <form ref={box} className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} onSubmit={submit}>
        <h2 id={titleId} className="dialog-title">{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">
          <button type="button" onClick={() => dialogStore.getState().closeDialog()}>{onSubmit ? 'Cancel' : 'Close'}</button>
          {onSubmit && <button type="submit" className="primary" disabled={submitDisabled}>{submitLabel ?? 'OK'}</button>}
        </div>
      </form>
    </div>
  );
}
