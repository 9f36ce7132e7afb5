import type { WidgetProps } from '@rjsf/utils';
import { useState } from 'react';
import { fieldsFor, type ConfigFormContext } from './configFormContext.js';

const OTHER = '\u0000other';

/**
 * A picker of the fields arriving at the tool, known from update-only before any run. "Other
 * name…" allows a name that is not (yet) in the input, e.g. a new field a formula creates.
 */
export function FieldWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, registry, options, label, required }: WidgetProps) {
  const context = registry.formContext as ConfigFormContext;
  const anchor = typeof options.anchor === 'string' ? options.anchor : undefined;
  const fields = fieldsFor(context, anchor);
  const current = typeof value === 'string' ? value : '';
  const known = current === '' || fields.some((field) => field.name === current);
  const [typing, setTyping] = useState(!known);
  const showText = typing || !known;
  return (
    <div className="field-widget">
      <select id={id} className="field-picker" value={showText ? OTHER : current} disabled={disabled || readonly} required={required}
        aria-label={label || undefined} data-testid={`config.field.${id}`}
        onChange={(event) => {
          if (event.target.value === OTHER) { setTyping(true); return; }
          setTyping(false);
          onChange(event.target.value === '' ? undefined : event.target.value);
        }}
        onBlur={() => onBlur(id, current)} onFocus={() => onFocus(id, current)}>
        <option value="">{fields.length === 0 ? '— no input fields known —' : '— choose a field —'}</option>
        {fields.map((field) => <option key={field.name} value={field.name} title={field.type}>{field.name}</option>)}
        <option value={OTHER}>Other name…</option>
      </select>
      {showText && (
        <input type="text" className="field-other" value={current} aria-label={`${label || 'Field'} name`} spellCheck={false}
          placeholder="Field name" disabled={disabled} readOnly={readonly} autoFocus={typing && known}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)} />
      )}
      {showText && current !== '' && fields.length > 0 && !fields.some((field) => field.name === current) && (
        <span className="muted small">Not in the input: a new field.</span>
      )}
    </div>
  );
}
