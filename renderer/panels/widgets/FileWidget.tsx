import type { WidgetProps } from '@rjsf/utils';
import type { ConfigFormContext } from './configFormContext.js';

/** A file path: typed, or chosen with Browse… (native picker in the app, in-app dialog in a browser). */
export function FileWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, registry, label, required, placeholder }: WidgetProps) {
  const context = registry.formContext as ConfigFormContext;
  const path = typeof value === 'string' ? value : '';
  return (
    <div className="file-widget">
      <input id={id} type="text" value={path} disabled={disabled} readOnly={readonly} required={required} placeholder={placeholder}
        aria-label={label || undefined} spellCheck={false}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        onBlur={() => onBlur(id, path)} onFocus={() => onFocus(id, path)} />
      <button type="button" disabled={disabled || readonly} onClick={() => context.browseFile(path, (picked) => onChange(picked))}>Browse…</button>
    </div>
  );
}
