import { useEffect } from 'react';
import { copySelectionText, pasteFromMemory, pasteText } from '../app/editCommands.js';
import { isTextField } from './useKeyboardActions.js';

/**
 * Ctrl+C / Ctrl+V on the canvas: the copy and paste events reach the system clipboard (so a copy
 * pastes into another window) without asking for permission. When no paste event follows a
 * Ctrl+V (the browser gave none), what this window copied last is pasted.
 */
export function useClipboardEvents(): void {
  useEffect(() => {
    let pastePending = false;
    const onCopy = (event: ClipboardEvent) => {
      if (isTextField(event) || hasTextSelection()) return;
      const text = copySelectionText();
      if (text === null || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(event)) return;
      pastePending = false;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
      if (!pasteText(text)) pasteFromMemory();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTextField(event)) return;
      const key = event.key.toLowerCase();
      if (key === 'c' && !hasTextSelection()) copySelectionText();
      if (key !== 'v') return;
      pastePending = true;
      setTimeout(() => {
        if (pastePending) pasteFromMemory();
        pastePending = false;
      }, 50);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}

function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed;
}
