/**
 * A lock file shared between processes (the app and a `weft` command may use one data folder at
 * once). Created with O_EXCL; a lock older than STALE_MS is taken to be left by a killed process.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

const STALE_MS = 10_000;
const RETRY_MS = 5;
const GIVE_UP_MS = 30_000;

async function tryAcquire(lockFile: string): Promise<boolean> {
  try {
    const handle = await fs.open(lockFile, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      const stat = await fs.stat(lockFile);
      if (Date.now() - stat.mtimeMs > STALE_MS) await fs.rm(lockFile, { force: true });
    } catch {
      // removed by its owner meanwhile: retry
    }
    return false;
  }
}

export async function withFileLock<T>(lockFile: string, task: () => Promise<T>): Promise<T> {
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  const started = Date.now();
  while (!(await tryAcquire(lockFile))) {
    if (Date.now() - started > GIVE_UP_MS) throw new Error(`${lockFile}: lock held for over ${GIVE_UP_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  try {
    return await task();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}
