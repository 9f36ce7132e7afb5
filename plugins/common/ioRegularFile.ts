/**
 * Opening a file the user named, for reading, without ever blocking: a FIFO opened for reading
 * waits for a writer, and a device such as /dev/zero never ends, so both would hang a worker in a
 * system call that no timeout or Cancel can interrupt. The open is non-blocking and the handle is
 * checked before any byte is read; only regular files are accepted.
 */
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

// O_NONBLOCK makes open() of a FIFO return at once; it changes nothing for a regular file.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** the error for a path that is not a regular file, naming it as the user wrote it */
export function notRegularFileError(file: string, stats: Stats): Error {
  return new Error(`${file}: is ${kindOf(stats)}, not a regular file; only regular files can be read`);
}

function missing(error: unknown, file: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new Error(`${file}: file not found`);
  if (code === 'EACCES' || code === 'EPERM') return new Error(`${file}: permission denied`);
  if (code === 'EISDIR') return new Error(`${file}: is a folder, not a regular file`);
  return new Error(`${file}: cannot be opened (${error instanceof Error ? error.message : String(error)})`);
}

/** a descriptor of the regular file at `absolute` (`file` names it in errors); close it with closeSync */
export function openRegularFileSync(absolute: string, file: string): { fd: number; size: number } {
  let fd: number;
  try { fd = openSync(absolute, READ_FLAGS); } catch (error) { throw missing(error, file); }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw notRegularFileError(file, stats);
  }
  return { fd, size: stats.size };
}

/** a handle on the regular file at `absolute` (`file` names it in errors) */
export async function openRegularFile(absolute: string, file: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try { handle = await open(absolute, READ_FLAGS); } catch (error) { throw missing(error, file); }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw notRegularFileError(file, stats);
  }
  return { handle, size: stats.size };
}

/** throws unless `absolute` is a regular file */
export function assertRegularFileSync(absolute: string, file: string): number {
  const { fd, size } = openRegularFileSync(absolute, file);
  closeSync(fd);
  return size;
}
