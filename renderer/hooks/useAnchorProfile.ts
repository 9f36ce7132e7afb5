import { useEffect, useState } from 'react';
import type { AnchorProfile } from '../../shared/anchorData.js';
import { getWeftApi } from '../api/index.js';
import { errorText } from '../model/errorText.js';

/** The field profile of an output anchor of a past run, computed by the host from the anchor cache. */
export function useAnchorProfile(runId: string, tool: string, anchor: string): { profile: AnchorProfile | null; error: string | null } {
  const [state, setState] = useState<{ key: string; profile: AnchorProfile | null; error: string | null }>({ key: '', profile: null, error: null });
  const key = JSON.stringify([runId, tool, anchor]);
  useEffect(() => {
    let live = true;
    getWeftApi().anchorProfile(runId, tool, anchor)
      .then((profile) => { if (live) setState({ key, profile, error: null }); })
      .catch((failure: unknown) => { if (live) setState({ key, profile: null, error: errorText(failure) }); });
    return () => { live = false; };
  }, [key, runId, tool, anchor]);
  return state.key === key ? { profile: state.profile, error: state.error } : { profile: null, error: null };
}
