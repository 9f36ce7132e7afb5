import { dialogStore } from '../store/dialogStore.js';
import { Dialog } from './Dialog.js';

export function ConfirmDialog({ title, message, confirmLabel, onConfirm }: { title: string; message: string; confirmLabel: string; onConfirm: () => void }) {
  return (
    <Dialog title={title} submitLabel={confirmLabel} onSubmit={() => { dialogStore.getState().closeDialog(); onConfirm(); }}>
      <p className="dialog-message">{message}</p>
    </Dialog>
  );
}
