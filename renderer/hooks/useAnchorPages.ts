import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnchorSort } from '../../shared/anchorData.js';
import type { PreviewRow } from '../../shared/runEvents.js';
import { getWeftApi } from '../api/index.js';
import { errorText } from '../model/errorText.js';

const PAGE_SIZE = 500;

export interface AnchorPages {
  total: number | null;
  error: string | null;
  /** the row, or undefined while its page loads (the load starts on first ask) */
  rowAt(index: number): PreviewRow | undefined;
}

/** Pages through every row of an output anchor of a past run, from the anchor cache, in the given order. */
export function useAnchorPages(runId: string, tool: string, anchor: string, sort: AnchorSort | null): AnchorPages {
  const pages = useRef(new Map<number, PreviewRow[]>());
  const loading = useRef(new Set<number>());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  // a new rowAt each time a page arrives, so the grid fits its columns to the rows now there
  const [version, setVersion] = useState(0);
  const sortField = sort?.field ?? null;
  const descending = sort?.descending ?? false;

  const load = useCallback((page: number) => {
    if (pages.current.has(page) || loading.current.has(page)) return;
    loading.current.add(page);
    const order = sortField === null ? null : { field: sortField, descending };
    const current = pages.current;
    getWeftApi().anchorRows(runId, tool, anchor, page * PAGE_SIZE, PAGE_SIZE, order).then((result) => {
      if (pages.current !== current) return;
      current.set(page, result.rows);
      setTotal(result.total);
      setVersion((version) => version + 1);
    }).catch((failure: unknown) => setError(errorText(failure))).finally(() => loading.current.delete(page));
  }, [runId, tool, anchor, sortField, descending]);

  useEffect(() => {
    pages.current = new Map();
    loading.current = new Set();
    setError(null);
    load(0);
  }, [load]);

  const rowAt = useCallback((index: number) => {
    const page = Math.floor(index / PAGE_SIZE);
    const rows = pages.current.get(page);
    if (!rows) {
      load(page);
      return undefined;
    }
    return rows[index - page * PAGE_SIZE];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version: see above
  }, [load, version]);

  return { total, error, rowAt };
}
