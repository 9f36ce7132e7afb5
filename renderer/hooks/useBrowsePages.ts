import { useCallback, useEffect, useRef, useState } from 'react';
import type { PreviewRow } from '../../shared/runEvents.js';
import { getWeftApi } from '../api/index.js';
import { errorText } from '../model/errorText.js';

export const BROWSE_PAGE_SIZE = 500;

export interface BrowsePages {
  total: number | null;
  error: string | null;
  /** the row, or undefined while its page loads (the load starts on first ask) */
  rowAt(index: number): PreviewRow | undefined;
  columns: string[];
}

/** Pages through all rows the browse tool stored in a run, loading pages as the grid asks. */
export function useBrowsePages(runId: string | null, toolId: string, anchor: string): BrowsePages {
  const pages = useRef(new Map<number, PreviewRow[]>());
  const loading = useRef(new Set<number>());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [, setVersion] = useState(0);

  const load = useCallback((page: number) => {
    if (!runId || pages.current.has(page) || loading.current.has(page)) return;
    loading.current.add(page);
    getWeftApi().browseRows(runId, toolId, anchor, page * BROWSE_PAGE_SIZE, BROWSE_PAGE_SIZE).then((result) => {
      pages.current.set(page, result.rows);
      setTotal(result.total);
      if (page === 0 && result.rows[0]) setColumns(Object.keys(result.rows[0]));
      setVersion((version) => version + 1);
    }).catch((failure: unknown) => setError(errorText(failure))).finally(() => loading.current.delete(page));
  }, [runId, toolId, anchor]);

  useEffect(() => {
    pages.current = new Map();
    loading.current = new Set();
    setTotal(null);
    setError(null);
    setColumns([]);
    load(0);
  }, [load]);

  const rowAt = useCallback((index: number) => {
    const page = Math.floor(index / BROWSE_PAGE_SIZE);
    const rows = pages.current.get(page);
    if (!rows) {
      load(page);
      return undefined;
    }
    return rows[index - page * BROWSE_PAGE_SIZE];
  }, [load]);

  return { total, error, rowAt, columns };
}
