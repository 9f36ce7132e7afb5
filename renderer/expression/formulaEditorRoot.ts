/**
 * A shadow root for a formula editor. CodeMirror mounts its styles with style-mod, which uses a
 * constructed style sheet only inside a shadow root and a <style> element in a document; the
 * app's Content-Security-Policy (style-src 'self', no 'unsafe-inline') blocks the latter. Inside
 * the shadow root both CodeMirror's sheet and ours (formulaEditor.css) are adopted sheets.
 */
import editorCss from './formulaEditor.css?inline';

let sheet: CSSStyleSheet | null = null;

function editorSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(editorCss);
  }
  return sheet;
}

/** the element inside `host`'s shadow root that the editor is built in, and the root itself */
export function formulaEditorRoot(host: HTMLElement): { root: ShadowRoot; container: HTMLElement } {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!root.adoptedStyleSheets.includes(editorSheet())) root.adoptedStyleSheets = [...root.adoptedStyleSheets, editorSheet()];
  const container = document.createElement('div');
  container.className = 'formula-editor-root';
  root.append(container);
  return { root, container };
}
