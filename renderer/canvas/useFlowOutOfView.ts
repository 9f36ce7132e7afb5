import { useStore, type ReactFlowState } from '@xyflow/react';

/** some node lies (partly) outside the visible canvas */
const selectOutOfView = (state: ReactFlowState): boolean => {
  const [panX, panY, zoom] = state.transform;
  for (const node of state.nodeLookup.values()) {
    if (node.hidden) continue;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    const left = x * zoom + panX;
    const top = y * zoom + panY;
    if (left < 0 || top < 0 || left + width * zoom > state.width || top + height * zoom > state.height) return true;
  }
  return false;
};

/** True while part of the flow is out of view (then the minimap is worth its corner). */
export function useFlowOutOfView(): boolean {
  return useStore(selectOutOfView);
}
