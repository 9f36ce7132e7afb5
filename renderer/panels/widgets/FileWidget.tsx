import type { WidgetProps } from '@rjsf/utils';
import type { FileMode } from '../../model/uiSchemaFor.js';
import type { ConfigFormContext } from './configFormContext.js';

/**
 * A file path: typed, or chosen with Browse… (native picker in the app, in-app dialog in a browser);
 * `ui:options.fileMode: 'save'` (from `"x-weft-file-mode": "save"`) asks for a file to write;
 * `ui:options.fileTypes` (from `"x-weft-file-types"`) are the extensions the dialog offers.
 */
export function FileWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, registry, label, required, placeholder, options }: WidgetProps) {
  const context = registry.formContext as ConfigFormContext;
  const mode: FileMode = options.fileMode === 'save' ? 'save' : 'open';
  const path = typeof value === 'string' ? value : '';
  const fileTypes = Array.isArray(options.fileTypes) ? options.fileTypes.filter((type): type is string => typeof type === 'string') : undefined;
  return (
    <div className="file-widget">
      <input id={id} type="text" value={path} disabled={disabled} readOnly={readonly} required={required} placeholder={placeholder}
        aria-label={label || undefined} spellCheck={false}
        onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        onBlur={() => onBlur(id, path)} onFocus={() => onFocus(id, path)} />
      <button type="button" disabled={disabled || readonly} onClick={() => context.browseFile(path, mode, (picked) => onChange(picked), fileTypes)}>Browse…</button>
    </div>
  );
}
