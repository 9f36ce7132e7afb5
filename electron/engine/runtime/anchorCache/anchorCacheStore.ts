/**
 * The anchor-cache entries on disk: `<runsDir>/<runId>/.anchor-cache/<fingerprint>/` (see
 * cacheEntry.ts), shared by every process on the data folder (the app, `weft`, the browser mode).
 * Entries are found by fingerprint (the newest wins), committed by renaming a finished folder into
 * place, and evicted oldest first when a workflow's entries pass its budget. Folders a crashed or
 * killed process left half-written (`.partial/<pid>-…`) are never read, and are removed once that
 * process is gone. Each run also writes `tools.json` (tool id → entry folder), which is how the
 * rows of any anchor of a past run are found for browsing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../stores/atomicWrite.js';
import { ENTRY_FILE, ENTRY_FORMAT, entryBytes, PARTIAL_FOLDER, runCacheDir, type CacheEntry } from './cacheEntry.js';

export const RUN_TOOLS_FILE = 'tools.json';

export interface StoredEntry {
  dir: string;
  entry: CacheEntry;
}

interface RunFolder {
  mtimeMs: number;
  entries: StoredEntry[];
}

export class AnchorCacheStore {
  private readonly runs = new Map<string, RunFolder>();

  constructor(readonly runsDir: string) {}

  /** re-reads the run folders that changed since the last look; returns every entry */
  async refresh(): Promise<StoredEntry[]> {
    const runIds = await fs.readdir(this.runsDir).catch(() => [] as string[]);
    const present = new Set(runIds);
    for (const runId of [...this.runs.keys()]) if (!present.has(runId)) this.runs.delete(runId);
    await Promise.all(runIds.map(async (runId) => {
      const dir = runCacheDir(this.runsDir, runId);
      const stat = await fs.stat(dir).catch(() => null);
      if (!stat) {
        this.runs.delete(runId);
        return;
      }
      if (this.runs.get(runId)?.mtimeMs === stat.mtimeMs) return;
      this.runs.set(runId, { mtimeMs: stat.mtimeMs, entries: await readEntries(dir) });
      await sweepPartial(path.join(dir, PARTIAL_FOLDER));
    }));
    return [...this.runs.values()].flatMap((run) => run.entries);
  }

  /** the newest entry with this fingerprint (after `refresh()`) */
  find(fingerprint: string): StoredEntry | undefined {
    let best: StoredEntry | undefined;
    for (const run of this.runs.values()) {
      for (const stored of run.entries) {
        if (stored.entry.fingerprint === fingerprint && (!best || stored.entry.createdAt > best.entry.createdAt)) best = stored;
      }
    }
    return best;
  }

  /** the folder a tool's files are written to while it runs (never read as an entry) */
  partialDir(runId: string, toolIndex: number): string {
    return path.join(runCacheDir(this.runsDir, runId), PARTIAL_FOLDER, `${process.pid}-${toolIndex}`);
  }

  /** writes `entry.json` into the finished folder and renames it into place; older entries with the same fingerprint go */
  async commit(partial: string, entry: CacheEntry): Promise<StoredEntry> {
    await fs.writeFile(path.join(partial, ENTRY_FILE), JSON.stringify(entry));
    const dir = path.join(runCacheDir(this.runsDir, entry.runId), entry.fingerprint);
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rename(partial, dir);
    const stored = { dir, entry };
    for (const run of this.runs.values()) {
      const older = run.entries.filter((e) => e.entry.fingerprint === entry.fingerprint);
      run.entries = run.entries.filter((e) => e.entry.fingerprint !== entry.fingerprint);
      for (const e of older) await fs.rm(e.dir, { recursive: true, force: true });
    }
    const run = this.runs.get(entry.runId) ?? { mtimeMs: -1, entries: [] };
    run.entries.push(stored);
    this.runs.set(entry.runId, run);
    return stored;
  }

  /** removes the oldest entries of `workflowKey` until they fit in `budgetBytes`; entries in `keep` stay */
  async evict(workflowKey: string, budgetBytes: number, keep: ReadonlySet<string>): Promise<number> {
    const all = await this.refresh();
    const mine = all.filter((s) => s.entry.workflowKey === workflowKey).sort((a, b) => a.entry.createdAt - b.entry.createdAt);
    let total = mine.reduce((sum, s) => sum + entryBytes(s.entry), 0);
    let evicted = 0;
    for (const stored of mine) {
      if (total <= budgetBytes) break;
      if (keep.has(stored.dir)) continue;
      await fs.rm(stored.dir, { recursive: true, force: true });
      total -= entryBytes(stored.entry);
      evicted++;
      for (const run of this.runs.values()) run.entries = run.entries.filter((e) => e !== stored);
    }
    return evicted;
  }

  /** records which entry holds each tool's outputs for a run (its own, or an earlier run's it replayed) */
  async recordRunTools(runId: string, tools: Record<string, string>): Promise<void> {
    await writeFileAtomic(path.join(runCacheDir(this.runsDir, runId), RUN_TOOLS_FILE), JSON.stringify(tools));
  }

  /** the entry holding a tool's outputs in a run, or null */
  async entryOfRunTool(runId: string, toolId: string): Promise<StoredEntry | null> {
    let tools: Record<string, string>;
    try {
      tools = JSON.parse(await fs.readFile(path.join(runCacheDir(this.runsDir, runId), RUN_TOOLS_FILE), 'utf8')) as Record<string, string>;
    } catch {
      return null;
    }
    const dir = Object.hasOwn(tools, toolId) ? tools[toolId] : undefined;
    if (typeof dir !== 'string') return null;
    const entry = await readEntry(dir);
    return entry ? { dir, entry } : null;
  }

  async removePartial(runId: string): Promise<void> {
    await fs.rm(path.join(runCacheDir(this.runsDir, runId), PARTIAL_FOLDER), { recursive: true, force: true });
  }
}

async function readEntries(cacheDir: string): Promise<StoredEntry[]> {
  const names = await fs.readdir(cacheDir).catch(() => [] as string[]);
  const entries: StoredEntry[] = [];
  for (const name of names) {
    if (name.startsWith('.') || name === RUN_TOOLS_FILE) continue;
    const dir = path.join(cacheDir, name);
    const entry = await readEntry(dir);
    if (entry) entries.push({ dir, entry });
  }
  return entries;
}

async function readEntry(dir: string): Promise<CacheEntry | null> {
  try {
    const entry = JSON.parse(await fs.readFile(path.join(dir, ENTRY_FILE), 'utf8')) as CacheEntry;
    return entry.format === ENTRY_FORMAT && typeof entry.fingerprint === 'string' ? entry : null;
  } catch {
    return null;
  }
}

/** removes the half-written folders of processes that no longer run */
async function sweepPartial(partialDir: string): Promise<void> {
  for (const name of await fs.readdir(partialDir).catch(() => [] as string[])) {
    const pid = Number(name.split('-')[0]);
    if (pid !== process.pid && !processAlive(pid)) await fs.rm(path.join(partialDir, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
