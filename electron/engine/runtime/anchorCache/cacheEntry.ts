/**
 * One anchor-cache entry: the outputs of one tool from one successful full run, kept so that a
 * later run can replay them instead of running the tool, and so that every row of any anchor can
 * be browsed. An entry is a folder named by the tool's fingerprint (toolFingerprints.ts) holding
 * one Arrow IPC file per output anchor (`<index>.arrow`, written as the packets streamed) and
 * `entry.json`, written last: a folder is a usable entry only once it was renamed into place with
 * its `entry.json` (docs/cache.md).
 */
import path from 'node:path';
import type { Metadata } from '../../../../shared/metadata.js';
import type { PreviewRow } from '../../../../shared/runEvents.js';

export const ENTRY_FILE = 'entry.json';
export const ENTRY_FORMAT = 1;
/** the folder inside a run's folder (`runs/<runId>/`) holding that run's entries; tool folders never start with a dot */
export const RUN_CACHE_FOLDER = '.anchor-cache';
/** inside RUN_CACHE_FOLDER: entries still being written (removed when the run ends or, after a crash, by the next sweep) */
export const PARTIAL_FOLDER = '.partial';

export interface CachedAnchor {
  /** false: the tool never opened this anchor (its connections closed empty) */
  opened: boolean;
  metadata: Metadata | null;
  records: number;
  preview: PreviewRow[];
  truncated: boolean;
  /** file name inside the entry folder, or null when this anchor's rows were not kept (see `skipped`) */
  file: string | null;
  bytes: number;
  /** why the rows were not kept (over the budget, rows skipped by the tool) */
  skipped?: string;
}

export interface CacheEntry {
  format: typeof ENTRY_FORMAT;
  fingerprint: string;
  /** the workflow the budget is counted for (its file path, or "unsaved") */
  workflowKey: string;
  toolId: string;
  plugin: string;
  runId: string;
  /** ms since the epoch */
  createdAt: number;
  /** by anchor name */
  anchors: Record<string, CachedAnchor>;
}

/** the file an anchor's rows are written to, by the anchor's index among the tool's outputs */
export function anchorFileName(index: number): string {
  return `${index}.arrow`;
}

export function runCacheDir(runsDir: string, runId: string): string {
  return path.join(runsDir, runId, RUN_CACHE_FOLDER);
}

export function entryBytes(entry: CacheEntry): number {
  return Object.values(entry.anchors).reduce((sum, a) => sum + a.bytes, 0);
}

/** the anchor's rows can be replayed: it was never opened, or its whole file was kept */
export function anchorReplayable(anchor: CachedAnchor | undefined): boolean {
  return anchor !== undefined && (!anchor.opened || anchor.file !== null);
}
