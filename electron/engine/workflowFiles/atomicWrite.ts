/**
 * Replaces a file so that a crash at any moment leaves either the old content or the new one,
 * never a torn file: write a temporary file in the same folder, fsync it, rename it over the
 * target (atomic within one file system), then fsync the folder so the rename itself is durable.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export function temporarySibling(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporarySibling(target);
  // the replaced file keeps its permissions (a private workflow stays private)
  const mode = await fs.stat(target).then((s) => s.mode & 0o777, () => 0o644);
  const handle = await fs.open(temporary, 'wx', mode);
  try {
    try {
      await handle.chmod(mode);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(target));
}

async function syncFolder(dir: string): Promise<void> {
  // Not every platform lets a folder be opened for fsync (Windows); the rename is done either way.
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    /* best effort */
  } finally {
    await handle?.close();
  }
}
