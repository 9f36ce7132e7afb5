import { useCallback, type PointerEvent as ReactPointerEvent, type KeyboardEvent } from 'react';
import { PANEL_LIMITS, settingsStore, useSettingsStore, type PanelSizes } from '../store/settingsStore.js';

/**
 * A draggable splitter. `sign` is +1 when dragging right/down grows the panel, -1 when it shrinks it.
 */
export function ResizeHandle({ panel, orientation, sign, label }: { panel: keyof PanelSizes; orientation: 'vertical' | 'horizontal'; sign: 1 | -1; label: string }) {
  const size = useSettingsStore((state) => state.panels[panel]);
  const onPointerDown = useCallback((event: ReactPointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const start = orientation === 'vertical' ? event.clientX : event.clientY;
    const startSize = settingsStore.getState().panels[panel];
    const move = (moveEvent: PointerEvent) => {
      const now = orientation === 'vertical' ? moveEvent.clientX : moveEvent.clientY;
      settingsStore.getState().setPanelSize(panel, startSize + sign * (now - start));
    };
    const up = () => { window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up); };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }, [panel, orientation, sign]);
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowLeft: -16, ArrowUp: -16, ArrowRight: 16, ArrowDown: 16 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    settingsStore.getState().setPanelSize(panel, settingsStore.getState().panels[panel] + sign * step);
  }, [panel, sign]);
  return (
    // a focusable separator is a widget: it says its value (the panel's size) and its range
    <div className={`resize-handle resize-${orientation}`} role="separator" aria-orientation={orientation} aria-label={label}
      aria-valuenow={size} aria-valuemin={PANEL_LIMITS[panel].min} aria-valuemax={PANEL_LIMITS[panel].max}
      tabIndex={0} onPointerDown={onPointerDown} onKeyDown={onKeyDown} />
  );
}
