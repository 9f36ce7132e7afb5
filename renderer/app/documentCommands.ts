/** View commands that need the React Flow instance; the canvas registers it when it mounts. */
import type { ReactFlowInstance } from '@xyflow/react';

let instance: ReactFlowInstance | null = null;
let layoutHandler: (() => void) | null = null;

export function registerFlowInstance(flow: ReactFlowInstance | null): void {
  instance = flow;
}

export function registerAutoLayout(handler: (() => void) | null): void {
  layoutHandler = handler;
}

/** The flow position at the centre of the visible canvas, or null before the canvas mounts. */
export function viewCenter(): { x: number; y: number } | null {
  const element = document.querySelector('.react-flow');
  if (!instance || !element) return null;
  const box = element.getBoundingClientRect();
  return instance.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
}

export function fitCanvas(): void {
  void instance?.fitView({ padding: 0.2, maxZoom: 1, duration: 200 });
}

export function zoomCanvas(direction: 'in' | 'out' | 'reset'): void {
  if (!instance) return;
  if (direction === 'in') void instance.zoomIn({ duration: 150 });
  else if (direction === 'out') void instance.zoomOut({ duration: 150 });
  else void instance.zoomTo(1, { duration: 150 });
}

export function autoLayoutCanvas(): void {
  layoutHandler?.();
}
