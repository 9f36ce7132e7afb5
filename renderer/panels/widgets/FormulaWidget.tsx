import type { WidgetProps } from '@rjsf/utils';
import { useMemo } from 'react';
import type { FieldChoice } from '../../expression/formulaCompletion.js';
import { errorsForEditor, listIndexOf } from '../../expression/formulaErrorPlace.js';
import { ExpressionEditor } from '../../expression/ExpressionEditor.js';
import type { ConfigFormContext } from './configFormContext.js';

/** A formula property: the expression editor, completing the fields of the tool's inputs (update-only metadata). */
export function FormulaWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, registry, label, placeholder }: WidgetProps) {
  const context = registry.formContext as ConfigFormContext;
  const text = typeof value === 'string' ? value : '';
  const fields = useMemo<FieldChoice[]>(() => {
    const anchors = Object.keys(context.inputFields);
    return anchors.flatMap((anchor) => (context.inputFields[anchor] ?? []).map((field) => ({ field, ...(anchors.length > 1 && { anchor }) })));
  }, [context.inputFields]);
  const errors = useMemo(() => errorsForEditor(context.toolErrors, listIndexOf(id)), [context.toolErrors, id]);
  return (
    <ExpressionEditor id={id} label={label || 'Formula'} value={text} fields={fields} errors={errors} placeholder={placeholder}
      readOnly={Boolean(disabled || readonly)} onChange={onChange} onFocus={() => onFocus(id, text)} onBlur={() => onBlur(id, text)} />
  );
}
