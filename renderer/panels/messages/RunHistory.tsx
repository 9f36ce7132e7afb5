import { useEffect, useState } from 'react';
import type { RunHistoryEntry } from '../../../shared/weftApi.js';
import { getWeftApi } from '../../api/index.js';
import { openPastRun } from '../../app/pastRunCommands.js';
import { errorText } from '../../model/errorText.js';
import { formatDuration } from '../../model/runReport.js';
import { useRunStore } from '../../store/runStore.js';

/** the workflow's file name (the whole path is its tooltip) */
function workflowName(path: string | null): string {
  if (path === null) return 'unsaved workflow';
  return path.split(/[\\/]/).pop() ?? path;
}

/** Past runs with their file results; refreshed when a run ends. Open shows a run's counts and messages. */
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
        {runs.map((run) => {
          const when = new Date(run.startedAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' });
          return (
            <li key={run.runId} className="run-entry" data-run-id={run.runId}>
              <div className="run-entry-head">
                <span className={`level-tag run-${run.status}`}>{run.status}</span>
                <span>{when}</span>
                <span className="muted small">{formatDuration(run.durationMs)}</span>
                <span className="muted small run-path" title={run.workflowPath ?? ''}>{workflowName(run.workflowPath)}</span>
                {run.tools && (
                  <button type="button" className="link-button run-open" aria-label={`Open the run of ${when}`}
                    onClick={() => openPastRun(run)}>Open</button>
                )}
              </div>
              {run.results.length > 0 && (
                <ul className="run-results">
                  {run.results.map((path) => <li key={path}><code title={path}>{path.split(/[\\/]/).slice(-2).join('/')}</code></li>)}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
