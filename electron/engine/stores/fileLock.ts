/**
 * A lock shared between processes (the app and a `weft` command may use one data folder at once),
 * held with `proper-lockfile`: its owner refreshes the lock's time while it holds it, so a long task
 * keeps its lock however long it runs, and a lock whose owner died (no longer refreshed) is taken
 * over once it is `staleMs` old.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

const RETRY_MS = 5;
const MAX_RETRY_MS = 50;

export interface FileLockOptions {
  /** a lock not refreshed for this long belongs to a dead process (at least 2000 ms) */
  staleMs?: number;
  /** waiting for the lock longer than this fails */
  giveUpMs?: number;
}

/** runs `task` while holding the lock `lockFile` (a path created and removed by the lock) */
export async function withFileLock<T>(lockFile: string, task: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const staleMs = options.staleMs ?? 10_000;
  const giveUpMs = options.giveUpMs ?? 30_000;
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  let lost: Error | null = null;
  const lockOptions = {
    lockfilePath: lockFile,
    realpath: false,
    stale: staleMs,
    // a lock that could not be refreshed in time may have been taken by another process: the task
    // goes on (it cannot be stopped halfway) but its result is refused below
    onCompromised: (error: Error) => {
      lost = error;
    },
  };
  const started = Date.now();
  let waitMs = RETRY_MS;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(lockFile, lockOptions);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() - started > giveUpMs) throw new Error(`${lockFile}: lock held by another process for over ${giveUpMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      waitMs = Math.min(waitMs * 2, MAX_RETRY_MS);
    }
  }
  try {
    const result = await task();
    if (lost) throw new Error(`${lockFile}: the lock was lost while the task ran (${(lost as Error).message})`);
    return result;
  } finally {
    if (!lost) await release().catch(() => undefined);
  }
}
