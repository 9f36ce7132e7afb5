import { useEffect } from 'react';
import { findKeyAction } from '../app/keyActions.js';
import { useDialogStore } from '../store/dialogStore.js';

/** true when the event started in a text field; the formula editor sits in a shadow root, so the innermost target counts */
export function isTextField(event: Event): boolean {
  const target = event.composedPath()[0] ?? event.target;
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const selectDialogOpen = (state: { dialog: unknown }) => state.dialog !== null;

/** Runs the key actions of app/keyActions.ts while no dialog is open. */
export function useKeyboardActions(): void {
  const dialogOpen = useDialogStore(selectDialogOpen);
  useEffect(() => {
    if (dialogOpen) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const action = findKeyAction(event, isTextField(event));
      if (!action) return;
      event.preventDefault();
      action.perform();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialogOpen]);
}
