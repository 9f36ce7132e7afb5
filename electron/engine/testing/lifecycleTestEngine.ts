/**
 * The engine the update-only run tests share: the lifecycle fixture tools (runtime/fixtures/lifecycle-tools)
 * with a 1 s update watchdog, made once per test file and disposed after it.
 */
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { RunSummary } from '../../../shared/runEvents.js';
import { createTestEngine, type TestEngine } from './index.js';

const fixtures = path.join(import.meta.dirname, '..', 'runtime', 'fixtures', 'lifecycle-tools');

/** registers the hooks; `.engine` is set before the file's first test */
export function useLifecycleEngine(): { engine: TestEngine } {
  const holder = {} as { engine: TestEngine };
  beforeAll(async () => {
    holder.engine = await createTestEngine({ pluginDirs: [fixtures], updateWatchdogMs: 1000 });
  });
  afterAll(async () => holder.engine?.dispose());
  return holder;
}

/** the texts of a tool's messages in a run */
export function messageTexts(summary: RunSummary, toolId: string): string[] {
  return summary.tools[toolId].messages.map((m) => m.text);
}
