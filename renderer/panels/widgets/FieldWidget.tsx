import type { WidgetProps } from '@rjsf/utils';
import { fieldsFor, type ConfigFormContext } from './configFormContext.js';

/** A picker of the fields arriving at the tool, known from update-only before any run. */
export function FieldWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, registry, options, label, required }: WidgetProps) {
  const context = registry.formContext as ConfigFormContext;
  const anchor = typeof options.anchor === 'string' ? options.anchor : undefined;
  const fields = fieldsFor(context, anchor);
  const current = typeof value === 'string' ? value : '';
  const known = current === '' || fields.some((field) => field.name === current);
  return (
    <select id={id} className="field-picker" value={current} disabled={disabled || readonly} required={required} aria-label={label || undefined}
      data-testid={`config.field.${id}`}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
      onBlur={() => onBlur(id, current)} onFocus={() => onFocus(id, current)}>
      <option value="">{fields.length === 0 ? '— no input fields known —' : '— choose a field —'}</option>
      {fields.map((field) => <option key={field.name} value={field.name}>{field.name} ({field.type})</option>)}
      {!known && <option value={current}>{current} (not in the input)</option>}
    </select>
  );
}
