import { useEffect, useRef, useState } from 'react';
import { dialogStore } from '../store/dialogStore.js';
import { Icon } from './Icon.js';

const ITEMS = [
  { label: 'Install from folder…', open: () => dialogStore.getState().openDialog({ kind: 'install-plugin' }) },
  { label: 'Load folder for development…', open: () => dialogStore.getState().openDialog({ kind: 'load-plugin-folder' }) },
  { label: 'Manage plugins…', open: () => dialogStore.getState().openDialog({ kind: 'manage-plugins' }) },
];

/** The Plugins menu of the browser mode (the desktop app has it in its app menu). */
export function PluginsMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: MouseEvent) => { if (!root.current?.contains(event.target as Node)) setOpen(false); };
    const escape = (event: KeyboardEvent) => { if (event.key === 'Escape') setOpen(false); };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', escape);
    return () => { document.removeEventListener('mousedown', close); document.removeEventListener('keydown', escape); };
  }, [open]);
  return (
    <div className="menu" ref={root}>
      <button type="button" className="toolbar-button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="plugins" /><span className="toolbar-label">Plugins</span>
      </button>
      {open && (
        <div className="menu-popup" role="menu" aria-label="Plugins">
          {ITEMS.map((item) => (
            <button key={item.label} type="button" role="menuitem" onClick={() => { setOpen(false); item.open(); }}>{item.label}</button>
          ))}
        </div>
      )}
    </div>
  );
}
