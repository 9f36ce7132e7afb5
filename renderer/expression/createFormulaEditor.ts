/**
 * The CodeMirror 6 editor of a formula: colouring, completion, undo, the tool's error underlined.
 * Built without eval or inline styles (CodeMirror mounts its styles as constructed style sheets),
 * so it runs under the app's strict Content-Security-Policy.
 */
import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import type { FormulaFunctionInfo } from '../../shared/formulaFunctionInfo.js';
import { formulaCompletionSource, type FieldChoice } from './formulaCompletion.js';
import type { FormulaErrorPlace } from './formulaErrorPlace.js';
import { formulaSyntax } from './formulaSyntax.js';

export interface FormulaEditorOptions {
  parent: HTMLElement;
  /** the shadow root the editor lives in (formulaEditorRoot.ts) */
  root: ShadowRoot;
  doc: string;
  /** the accessible name: the property's title ("Condition", "Formula") */
  label: string;
  contentId: string;
  placeholder?: string;
  readOnly: boolean;
  fields: () => readonly FieldChoice[];
  functions: readonly FormulaFunctionInfo[];
  onChange(text: string): void;
  onCursor(text: string, pos: number): void;
  onFocus(): void;
  onBlur(): void;
}

export interface FormulaEditor {
  view: EditorView;
  /** replaces the text when it changed outside the editor (undo in the workflow, another tool) */
  setText(text: string): void;
  setError(place: FormulaErrorPlace | null, describedBy: string | undefined): void;
  /** inserts at the cursor; `cursorBack` leaves the cursor that many characters before the end */
  insert(text: string, cursorBack?: number): void;
  destroy(): void;
}

export function createFormulaEditor(options: FormulaEditorOptions): FormulaEditor {
  const attributes = new Compartment();
  const contentAttributes = (invalid: boolean, describedBy: string | undefined) => EditorView.contentAttributes.of({
    'aria-label': options.label,
    id: options.contentId,
    'aria-invalid': String(invalid),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  });
  let settingText = false;
  const view = new EditorView({
    parent: options.parent,
    root: options.root,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        history(),
        closeBrackets(),
        keymap.of([...completionKeymap, ...historyKeymap, ...defaultKeymap]),
        formulaSyntax,
        autocompletion({ override: [formulaCompletionSource(options.fields, options.functions)], icons: false, activateOnTyping: true }),
        EditorView.lineWrapping,
        attributes.of(contentAttributes(false, undefined)),
        EditorState.readOnly.of(options.readOnly),
        EditorView.editable.of(!options.readOnly),
        ...(options.placeholder ? [placeholderText(options.placeholder)] : []),
        EditorView.updateListener.of((update) => {
          const text = update.state.doc.toString();
          if (update.docChanged && !settingText) options.onChange(text);
          if (update.docChanged || update.selectionSet) options.onCursor(text, update.state.selection.main.head);
          if (update.focusChanged) (update.view.hasFocus ? options.onFocus : options.onBlur)();
        }),
      ],
    }),
  });

  return {
    view,
    setText(text) {
      if (text === view.state.doc.toString()) return;
      settingText = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      settingText = false;
    },
    setError(place, describedBy) {
      const length = view.state.doc.length;
      const diagnostics: Diagnostic[] = place && place.from <= length
        ? [{ from: place.from, to: Math.min(place.to, length), severity: 'error', message: place.message }]
        : [];
      view.dispatch(setDiagnostics(view.state, diagnostics));
      view.dispatch({ effects: attributes.reconfigure(contentAttributes(place !== null, describedBy)) });
    },
    insert(text, cursorBack = 0) {
      const { from, to } = view.state.selection.main;
      view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length - cursorBack }, scrollIntoView: true });
      view.focus();
    },
    destroy() {
      view.destroy();
      options.parent.remove();
    },
  };
}
