import { useEffect, useState } from 'react';
import type { RunHistoryEntry } from '../../../shared/weftApi.js';
import { getWeftApi } from '../../api/index.js';
import { errorText } from '../../model/errorText.js';
import { useRunStore } from '../../store/runStore.js';

/** Past runs with their file results; refreshed when a run ends. */
export function RunHistory() {
  const finishedRun = useRunStore((state) => (state.activeRunId === null ? state.lastFullRunId : null));
  const [runs, setRuns] = useState<RunHistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getWeftApi().listRuns().then((list) => { if (live) setRuns(list); }).catch((failure: unknown) => { if (live) setError(errorText(failure)); });
    return () => { live = false; };
  }, [finishedRun]);
  if (error) return <p className="error-text pad">{error}</p>;
  if (!runs) return <p className="muted pad">Loading runs…</p>;
  if (runs.length === 0) return <p className="muted pad">No runs yet.</p>;
  return (
    <section className="run-history" aria-label="Run history">
      <ul>
        {runs.map((run) => (
          <li key={run.runId} className="run-entry">
            <div className="run-entry-head">
              <span className={`level-tag run-${run.status}`}>{run.status}</span>
              <span>{new Date(run.startedAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })}</span>
              <span className="muted small">{run.durationMs} ms</span>
              <span className="muted small run-path" title={run.workflowPath ?? ''}>{run.workflowPath ?? 'unsaved workflow'}</span>
            </div>
            {run.results.length > 0 && (
              <ul className="run-results">
                {run.results.map((path) => <li key={path}><code title={path}>{path}</code></li>)}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
