/**
 * Run results: `provider.results.store` writes `<dataDir>/runs/<runId>/<toolId>/<fileName>`, and the
 * host records each finished run as `<dataDir>/runs/<runId>/run.json` (a RunHistoryEntry) for the
 * app's run history. Old runs are cleaned by age.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RunSummary } from '../../../shared/runEvents.js';
import type { RunHistoryEntry } from '../../../shared/weftApi.js';
import { writeFileAtomic } from './atomicWrite.js';

const RUN_RECORD = 'run.json';
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export interface ResultsStore {
  readonly runsDir: string;
  runDir(runId: string): string;
  /** writes a file result; returns its absolute path (a second store of one name replaces it) */
  store(runId: string, toolId: string, fileName: string, data: Uint8Array | string, mimeType?: string): Promise<string>;
  /** absolute paths of a run's stored files, sorted */
  listResults(runId: string): Promise<string[]>;
  recordRun(entry: RunHistoryEntry): Promise<void>;
  /** recorded runs, newest first */
  listRuns(): Promise<RunHistoryEntry[]>;
  /** removes runs started more than `olderThanDays` days ago; returns how many */
  cleanRuns(olderThanDays: number, now?: number): Promise<number>;
}

/** the run history entry of a finished full run */
export function runHistoryEntry(summary: RunSummary, startedAt: string, workflowPath: string | null): RunHistoryEntry {
  return {
    runId: summary.runId, startedAt, status: summary.status, durationMs: summary.durationMs, workflowPath,
    results: Object.values(summary.tools).flatMap((tool) => tool.results),
    tools: summary.tools,
  };
}

/** a file name that stays inside its folder on every OS: no separators, no leading dots, no reserved names */
export function sanitizeFileName(fileName: string): string {
  const base = String(fileName).split(/[\\/]/).pop() ?? '';
  let name = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '')
    .slice(0, 200);
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return name || 'result';
}

function assertRunId(runId: string): void {
  if (typeof runId !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(runId) || runId.includes('..')) {
    throw new Error(`invalid run id ${JSON.stringify(runId)}`);
  }
}

function toolFolderName(toolId: string): string {
  return sanitizeFileName(toolId).replace(/ /g, '_');
}

export function createResultsStore(dataDir: string): ResultsStore {
  const runsDir = path.join(dataDir, 'runs');
  const runDir = (runId: string) => {
    assertRunId(runId);
    return path.join(runsDir, runId);
  };

  async function walkFiles(dir: string, out: string[] = []): Promise<string[]> {
    for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      // dot folders are the engine's own (the anchor cache), never a tool's results
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.')) await walkFiles(full, out);
      }
      else if (!entry.name.endsWith('.tmp')) out.push(full);
    }
    return out;
  }

  async function readRecord(runId: string): Promise<RunHistoryEntry | null> {
    try {
      return JSON.parse(await fs.readFile(path.join(runsDir, runId, RUN_RECORD), 'utf8')) as RunHistoryEntry;
    } catch {
      return null;
    }
  }

  return {
    runsDir,
    runDir,
    async store(runId, toolId, fileName, data) {
      const file = path.join(runDir(runId), toolFolderName(toolId), sanitizeFileName(fileName));
      await writeFileAtomic(file, data);
      return file;
    },
    async listResults(runId) {
      const dir = runDir(runId);
      const files = await walkFiles(dir);
      return files.filter((file) => path.dirname(file) !== dir).sort();
    },
    async recordRun(entry) {
      await writeFileAtomic(path.join(runDir(entry.runId), RUN_RECORD), JSON.stringify(entry, null, 2));
    },
    async listRuns() {
      const runs: RunHistoryEntry[] = [];
      for (const runId of await fs.readdir(runsDir).catch(() => [] as string[])) {
        const record = await readRecord(runId);
        if (record) runs.push(record);
      }
      return runs.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    },
    async cleanRuns(olderThanDays, now = Date.now()) {
      if (!Number.isFinite(olderThanDays) || olderThanDays < 0) throw new Error(`cleanRuns: invalid age ${olderThanDays}`);
      const cutoff = now - olderThanDays * 24 * 60 * 60 * 1000;
      let removed = 0;
      for (const runId of await fs.readdir(runsDir).catch(() => [] as string[])) {
        const record = await readRecord(runId);
        const started = record ? Date.parse(record.startedAt) : (await fs.stat(path.join(runsDir, runId))).mtimeMs;
        if (started < cutoff) {
          await fs.rm(path.join(runsDir, runId), { recursive: true, force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}
