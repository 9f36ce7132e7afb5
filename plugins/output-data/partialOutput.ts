/**
 * The temporary file Output Data writes beside its target, and what becomes of it when a run is
 * interrupted. Its name carries the writing process id: `.<name>.<pid>-<hex>.weft-tmp`. It is
 * listed in the tool's temp folder so the host removes it after a Cancel, a timeout or a failure
 * (the worker is terminated without a chance to clean up), and a later write to the same target
 * removes the ones whose process is gone (a kill -9, a power cut).
 */
import { appendFileSync, closeSync, fsyncSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** the host removes files listed here when the run ends (electron/engine/stores/partialFiles.ts) */
const PARTIAL_FILES_LIST = '.weft-partial-files';
/** temp files of an older naming (no process id) are removed once they are this old */
const LEGACY_STALE_MS = 60 * 60 * 1000;

/** a new temp path beside `target`, listed for removal in `tempDir` */
export function partialPathFor(target: string, tempDir: string): string {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.weft-tmp`);
  appendFileSync(path.join(tempDir, PARTIAL_FILES_LIST), `${temp}\n`);
  return temp;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** removes temp files of `target` left by processes that no longer run; returns how many */
export function sweepStalePartials(target: string): number {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try { names = readdirSync(dir); } catch { return 0; }
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.weft-tmp')) continue;
    const middle = name.slice(prefix.length, -'.weft-tmp'.length);
    const owned = /^(\d+)-[0-9a-f]{8}$/.exec(middle);
    const file = path.join(dir, name);
    let stale = false;
    if (owned) stale = Number(owned[1]) !== process.pid && !processAlive(Number(owned[1]));
    else if (/^[0-9a-f]{8}$/.test(middle)) stale = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > LEGACY_STALE_MS;
    if (!stale) continue;
    rmSync(file, { force: true });
    removed++;
  }
  return removed;
}

/** flushes a written file to the disk, so the rename that follows never exposes an empty file after a crash */
export function syncFile(file: string): void {
  const fd = openSync(file, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

/** flushes a folder's entries (the rename); not every platform can open a folder, which is fine */
export function syncFolder(dir: string): void {
  let fd: number;
  try { fd = openSync(dir, 'r'); } catch { return; }
  try { fsyncSync(fd); } catch { /* Windows cannot fsync a folder */ } finally { closeSync(fd); }
}
