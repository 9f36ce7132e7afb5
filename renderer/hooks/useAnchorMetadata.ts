import type { Metadata } from '../../shared/metadata.js';
import { anchorKey } from '../model/connectionKey.js';
import { useRunStore, type RunStore } from '../store/runStore.js';

/** Metadata of one output anchor: from the latest update-only run, else from the latest full run. */
export function metadataOf(state: Pick<RunStore, 'updateMetadata' | 'anchors'>, tool: string, anchor: string): Metadata | undefined {
  const key = anchorKey({ tool, anchor });
  return state.updateMetadata[key] ?? state.anchors[key]?.metadata;
}

export function useAnchorMetadata(tool: string, anchor: string): Metadata | undefined {
  return useRunStore((state) => metadataOf(state, tool, anchor));
}
