import { useEffect } from 'react';
import { findKeyAction } from '../app/keyActions.js';
import { useDialogStore } from '../store/dialogStore.js';

export function isTextField(target: EventTarget | null): boolean {
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
      const action = findKeyAction(event, isTextField(event.target));
      if (!action) return;
      event.preventDefault();
      action.perform();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialogOpen]);
}
