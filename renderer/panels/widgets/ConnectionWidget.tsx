import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import type { DatabaseConnectionSummary } from '../../../shared/databaseConnection.js';
import type { ConfigFormContext } from './configFormContext.js';

const OTHER = '\u0000other';

/**
 * A picker of the app's named database connections (`weft connections add`). The workflow keeps
 * only the name; "Other name…" allows a name stored on another machine (the one that runs it).
 */
export function ConnectionWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, registry, label, required }: WidgetProps) {
  const context = registry.formContext as ConfigFormContext;
  const [connections, setConnections] = useState<DatabaseConnectionSummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    context.listConnections().then((list) => { if (live) setConnections(list); }, (error: unknown) => { if (live) setProblem(String((error as Error)?.message ?? error)); });
    return () => { live = false; };
  }, [context]);
  const current = typeof value === 'string' ? value : '';
  const names = connections?.map((c) => c.name) ?? [];
  const known = current === '' || names.includes(current);
  const [typing, setTyping] = useState(false);
  const showText = typing || (connections !== null && !known);
  return (
    <div className="field-widget">
      <select id={id} className="field-picker" value={showText ? OTHER : current} disabled={disabled || readonly} required={required}
        aria-label={label || undefined} data-testid={`config.connection.${id}`}
        onChange={(event) => {
          if (event.target.value === OTHER) { setTyping(true); return; }
          setTyping(false);
          onChange(event.target.value);
        }}
        onBlur={() => onBlur(id, current)} onFocus={() => onFocus(id, current)}>
        <option value="">{connections === null ? '— loading connections —' : names.length === 0 ? '— no connections stored —' : '— choose a connection —'}</option>
        {connections?.map((c) => <option key={c.name} value={c.name} title={`${c.user}@${c.host}:${c.port}/${c.database}`}>{c.name} ({c.host}/{c.database})</option>)}
        {!known && connections === null && <option value={current}>{current}</option>}
        <option value={OTHER}>Other name…</option>
      </select>
      {showText && (
        <input type="text" className="field-other" value={current} aria-label={`${label || 'Connection'} name`} spellCheck={false}
          placeholder="Connection name" disabled={disabled} readOnly={readonly}
          onChange={(event) => onChange(event.target.value)} />
      )}
      {problem && <span className="muted small">Connections could not be listed: {problem}</span>}
      {connections !== null && names.length === 0 && (
        <span className="muted small">Add one with <code>weft connections add NAME --url postgres://USER@HOST:5432/DB --password-stdin</code>.</span>
      )}
    </div>
  );
}
