import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '../../shared/runEvents.js';
import { emptyWorkflow, type Workflow } from '../../shared/workflow.js';
import { UpdateOnlyScheduler } from './updateOnlyScheduler.js';

interface PendingRun {
  workflow: Workflow;
  resolve(summary: RunSummary): void;
  reject(error: Error): void;
}

function summary(runId: string): RunSummary {
  return { runId, mode: 'update', status: 'ok', durationMs: 1, tools: {} };
}

function workflowNamed(name: string): Workflow {
  return { ...emptyWorkflow(), name };
}

describe('UpdateOnlyScheduler', () => {
  let runs: PendingRun[];
  let results: string[];
  let errors: unknown[];
  let scheduler: UpdateOnlyScheduler;

  beforeEach(() => {
    vi.useFakeTimers();
    runs = [];
    results = [];
    errors = [];
    scheduler = new UpdateOnlyScheduler(
      (workflow) => new Promise<RunSummary>((resolve, reject) => runs.push({ workflow, resolve, reject })),
      { onResult: (result) => results.push(result.runId), onError: (error) => errors.push(error) },
    );
  });
  afterEach(() => vi.useRealTimers());

  it('debounces typing: only the last of quick requests runs', async () => {
    for (const name of ['a', 'ab', 'abc']) {
      scheduler.request(workflowNamed(name), null, 150);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(runs.map((run) => run.workflow.name)).toEqual(['abc']);
  });

  it('ignores the result of a superseded run, even when it arrives last', async () => {
    scheduler.request(workflowNamed('old'), null, 0);
    await vi.advanceTimersByTimeAsync(0);
    scheduler.request(workflowNamed('new'), null, 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(2);
    runs[1]!.resolve(summary('new'));
    runs[0]!.resolve(summary('old'));
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual(['new']);
  });

  it('drops the failure of a superseded run but reports the current one', async () => {
    scheduler.request(workflowNamed('old'), null, 0);
    await vi.advanceTimersByTimeAsync(0);
    scheduler.request(workflowNamed('new'), null, 0);
    await vi.advanceTimersByTimeAsync(0);
    runs[0]!.reject(new Error('superseded'));
    runs[1]!.reject(new Error('host gone'));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors.map((error) => (error as Error).message)).toEqual(['host gone']);
  });

  it('cancel drops a pending request and a result still to come', async () => {
    scheduler.request(workflowNamed('a'), null, 0);
    await vi.advanceTimersByTimeAsync(0);
    scheduler.request(workflowNamed('b'), null, 150);
    scheduler.cancel();
    await vi.advanceTimersByTimeAsync(500);
    runs[0]!.resolve(summary('a'));
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    expect(results).toEqual([]);
  });
});
