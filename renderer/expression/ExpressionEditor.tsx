import { useEffect, useMemo, useRef, useState } from 'react';
import { dialogStore } from '../store/dialogStore.js';
import { createFormulaEditor, type FormulaEditor } from './createFormulaEditor.js';
import { enclosingCall, type FieldChoice } from './formulaCompletion.js';
import { placeFormulaError } from './formulaErrorPlace.js';
import { formulaEditorRoot } from './formulaEditorRoot.js';
import { findFormulaFunction, FORMULA_FUNCTIONS } from './formulaFunctions.js';
import { InsertList } from './InsertList.js';

export interface ExpressionEditorProps {
  id: string;
  label: string;
  value: string;
  fields: readonly FieldChoice[];
  /** the tool's errors that belong to this formula */
  errors: readonly string[];
  placeholder?: string;
  readOnly: boolean;
  onChange(text: string): void;
  onFocus(): void;
  onBlur(): void;
}

/**
 * The expression editor of Filter and Formula: the CodeMirror editor, a signature hint for the
 * call at the cursor, the error with its place underlined, and a list of fields and functions to
 * insert by click, with a link to the function reference.
 */
export function ExpressionEditor({ id, label, value, fields, errors, placeholder, readOnly, onChange, onFocus, onBlur }: ExpressionEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<FormulaEditor | null>(null);
  const latest = useRef({ fields, onChange, onFocus, onBlur });
  latest.current = { fields, onChange, onFocus, onBlur };
  const [cursor, setCursor] = useState<{ text: string; pos: number } | null>(null);
  const errorId = `${id}__formula-error`;

  useEffect(() => {
    const { root, container } = formulaEditorRoot(host.current!);
    const created = createFormulaEditor({
      parent: container, root, doc: value, label, contentId: id, placeholder, readOnly,
      fields: () => latest.current.fields, functions: FORMULA_FUNCTIONS,
      onChange: (text) => latest.current.onChange(text),
      onCursor: (text, pos) => setCursor({ text, pos }),
      onFocus: () => latest.current.onFocus(),
      onBlur: () => latest.current.onBlur(),
    });
    editor.current = created;
    return () => {
      created.destroy();
      editor.current = null;
    };
    // the editor is made once; value, errors and fields reach it through the effects below and `latest`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, label, readOnly]);

  useEffect(() => editor.current?.setText(value), [value]);

  const place = useMemo(() => {
    for (const error of errors) {
      const found = placeFormulaError(value, error);
      if (found) return found;
    }
    return null;
  }, [errors, value]);
  useEffect(() => editor.current?.setError(place, errors.length > 0 ? errorId : undefined), [place, errors.length, errorId]);

  const call = cursor ? enclosingCall(cursor.text, cursor.pos) : null;
  const callInfo = call ? findFormulaFunction(call.name) : undefined;

  return (
    <div className="expression-editor">
      <div ref={host} className="expression-input" data-testid="config.formula.editor" />
      {callInfo && call && (
        <div className="expression-hint small" data-testid="config.formula.hint">
          <code>
            {callInfo.name}(
            {callInfo.params.map((param, index) => (
              <span key={param}>{index > 0 && ', '}{index === Math.min(call.argument, callInfo.params.length - 1) ? <strong>{param}</strong> : param}</span>
            ))}
            )
          </code>{' '}
          <span className="muted">{callInfo.description}</span>
        </div>
      )}
      {errors.length > 0 && (
        <div id={errorId} className="formula-error" role="alert" data-testid="config.formula.error">{errors.join('\n')}</div>
      )}
      {!readOnly && (
        <InsertList fields={fields} onInsertField={(name) => editor.current?.insert(`[${name}]`)}
          onInsertFunction={(name) => editor.current?.insert(`${name}()`, 1)}
          onHelp={() => dialogStore.getState().openDialog({ kind: 'formula-help' })} />
      )}
    </div>
  );
}
