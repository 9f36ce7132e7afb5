import type { WidgetProps } from '@rjsf/utils';
import type { ConfigFormContext } from './configFormContext.js';

/** A formula editor: monospace text, with the tool's parse error (from update-only) beneath it. */
export function FormulaWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, registry, label, required, placeholder }: WidgetProps) {
  const context = registry.formContext as ConfigFormContext;
  const text = typeof value === 'string' ? value : '';
  const errors = context.toolErrors;
  return (
    <div className="formula-widget">
      <textarea id={id} className="formula-input" value={text} rows={4} spellCheck={false} disabled={disabled} readOnly={readonly}
        required={required} placeholder={placeholder} aria-label={label || undefined} aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 ? `${id}__formula-error` : undefined}
        onChange={(event) => onChange(event.target.value)} onBlur={() => onBlur(id, text)} onFocus={() => onFocus(id, text)} />
      {errors.length > 0 && (
        <div id={`${id}__formula-error`} className="formula-error" role="alert" data-testid="config.formula.error">{errors.join('\n')}</div>
      )}
    </div>
  );
}
