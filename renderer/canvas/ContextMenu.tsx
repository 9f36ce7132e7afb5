import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { MenuItem } from '../app/contextMenus.js';

export interface OpenMenu {
  /** window coordinates of the right-click */
  x: number;
  y: number;
  label: string;
  items: MenuItem[];
}

/** A right-click menu: arrow keys move, Enter chooses, Escape or a click elsewhere closes it. */
export function ContextMenu({ menu, onClose }: { menu: OpenMenu; onClose: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const away = (event: PointerEvent) => { if (!box.current?.contains(event.target as Node)) onClose(); };
    window.addEventListener('pointerdown', away, true);
    return () => window.removeEventListener('pointerdown', away, true);
  }, [menu, onClose]);
  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown') buttons[(at + 1) % buttons.length]?.focus();
    else if (event.key === 'ArrowUp') buttons[(at - 1 + buttons.length) % buttons.length]?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  // kept inside the window: a menu opened near the right or bottom edge opens towards the middle
  const left = Math.min(menu.x, window.innerWidth - 240);
  const top = Math.min(menu.y, window.innerHeight - 36 * menu.items.length - 12);
  return (
    <div ref={box} className="context-menu" role="menu" aria-label={menu.label} style={{ left, top }} onKeyDown={onKeyDown}>
      {menu.items.map((item) => (
        <button key={item.label} type="button" role="menuitem" disabled={item.disabled}
          onClick={() => { onClose(); item.run(); }}>{item.label}</button>
      ))}
    </div>
  );
}
