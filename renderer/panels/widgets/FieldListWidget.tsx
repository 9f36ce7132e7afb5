import type { WidgetProps } from '@rjsf/utils';
import { useState } from 'react';
import { fieldsFor, type ConfigFormContext } from './configFormContext.js';

const OTHER = '\u0000other';

/**
 * A list of field names (Group by, key fields): the chosen fields as removable chips, in order,
 * and a picker of the upstream fields not chosen yet; "Other name…" adds a name the input does
 * not (yet) have. A chip of a name missing from the known input is marked.
 */
export function FieldListWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, registry, options, label, required }: WidgetProps) {
  const context = registry.formContext as ConfigFormContext;
  const anchor = typeof options.anchor === 'string' ? options.anchor : undefined;
  const fields = fieldsFor(context, anchor);
  const chosen: string[] = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const remaining = fields.filter((field) => !chosen.includes(field.name));
  const [typing, setTyping] = useState(false);
  const [draft, setDraft] = useState('');
  const locked = Boolean(disabled || readonly);
  const add = (name: string) => {
    const trimmed = name.trim();
    if (trimmed === '' || chosen.includes(trimmed)) return;
    onChange([...chosen, trimmed]);
  };
  const remove = (index: number) => onChange(chosen.filter((_, at) => at !== index));
  const name = label || 'Fields';
  return (
    <div className="field-list-widget">
      {chosen.length > 0 && (
        <ul className="field-chips" aria-label={`${name}: chosen fields`} data-testid={`config.fields.${id}`}>
          {chosen.map((field, index) => {
            const known = fields.length === 0 || fields.some((candidate) => candidate.name === field);
            return (
              <li key={field} className={`field-chip${known ? '' : ' field-chip-unknown'}`} title={known ? field : `${field}: not in the input`}>
                <span className="field-chip-name">{field}</span>
                <button type="button" className="field-chip-remove" aria-label={`Remove ${field}`} disabled={locked} onClick={() => remove(index)}>×</button>
              </li>
            );
          })}
        </ul>
      )}
      <select id={id} className="field-picker" value="" disabled={locked} required={required && chosen.length === 0}
        aria-label={name} data-testid={`config.field.${id}`}
        onChange={(event) => {
          if (event.target.value === OTHER) { setTyping(true); return; }
          add(event.target.value);
        }}
        onBlur={() => onBlur(id, chosen)} onFocus={() => onFocus(id, chosen)}>
        <option value="">{fields.length === 0 ? '— no input fields known —' : remaining.length === 0 ? '— all fields chosen —' : 'Add a field…'}</option>
        {remaining.map((field) => <option key={field.name} value={field.name} title={field.type}>{field.name}</option>)}
        <option value={OTHER}>Other name…</option>
      </select>
      {typing && (
        <div className="field-other-row">
          <input type="text" className="field-other" value={draft} aria-label={`${name}: other field name`} spellCheck={false} autoFocus
            placeholder="Field name, then Enter" disabled={locked}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') { event.preventDefault(); add(draft); setDraft(''); setTyping(false); }
              if (event.key === 'Escape') { setDraft(''); setTyping(false); }
            }} />
          <button type="button" disabled={locked || draft.trim() === ''} onClick={() => { add(draft); setDraft(''); setTyping(false); }}>Add</button>
        </div>
      )}
    </div>
  );
}
