/** View commands that need the React Flow instance; the canvas registers it when it mounts. */
import type { FitViewOptions, ReactFlowInstance } from '@xyflow/react';
import { settingsStore } from '../store/settingsStore.js';

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

/** the canvas corners hold the zoom controls (bottom left) and the minimap (bottom right) */
export const MINIMAP_SIZE = { width: 132, height: 84 };

/** Fit view that keeps the flow clear of the controls and of the minimap when it is shown. */
export function fitViewOptions(duration = 200): FitViewOptions {
  const minimap = settingsStore.getState().minimap;
  return {
    maxZoom: 1, minZoom: 0.2, duration,
    padding: { top: '20px', left: '20px', right: '20px', bottom: minimap ? `${MINIMAP_SIZE.height + 20}px` : '20px' },
  };
}

export function fitCanvas(): void {
  void instance?.fitView(fitViewOptions());
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

/**
 * Pans (keeping the zoom) so a tool is in view and not under the minimap or the zoom controls:
 * a tool added by double-click beside others could land out of sight.
 */
export function revealTool(toolId: string): void {
  const element = document.querySelector('.react-flow');
  const node = instance?.getNode(toolId);
  if (!instance || !element || !node) return;
  const box = element.getBoundingClientRect();
  const width = node.measured?.width ?? 176;
  const height = node.measured?.height ?? 100;
  const topLeft = instance.flowToScreenPosition(node.position);
  const bottomRight = instance.flowToScreenPosition({ x: node.position.x + width, y: node.position.y + height });
  const margin = 16;
  const bottomReserve = (settingsStore.getState().minimap ? MINIMAP_SIZE.height : 32) + 2 * margin;
  const limits = { left: box.left + margin, top: box.top + margin, right: box.right - margin, bottom: box.bottom - bottomReserve };
  // the smallest pan that brings the tool inside, so the tools around it move as little as possible
  const shift = (low: number, high: number, min: number, max: number) => (low < min ? min - low : high > max ? Math.max(max - high, min - low) : 0);
  const dx = shift(topLeft.x, bottomRight.x, limits.left, limits.right);
  const dy = shift(topLeft.y, bottomRight.y, limits.top, limits.bottom);
  if (dx === 0 && dy === 0) return;
  const current = instance.getViewport();
  void instance.setViewport({ x: current.x + dx, y: current.y + dy, zoom: current.zoom }, { duration: 200 });
}

/** the measured size of every tool node on the canvas (for boxes drawn around tools) */
export function measuredToolSizes(): Map<string, { width: number; height: number }> {
  const sizes = new Map<string, { width: number; height: number }>();
  for (const node of instance?.getNodes() ?? []) {
    if (node.type === 'tool' && node.measured?.width && node.measured.height) sizes.set(node.id, { width: node.measured.width, height: node.measured.height });
  }
  return sizes;
}
