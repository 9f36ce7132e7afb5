/**
 * Reading a file whose path came from a user (a workflow file, a plugin manifest) without ever
 * blocking: `fs.readFile` on a FIFO holds one of libuv's four file-I/O threads until a writer
 * appears, so four such calls hang every file call of the process, and /dev/zero never ends. The
 * open is non-blocking, the handle is checked to be a regular file of a bounded size, and only
 * then read.
 */
import { constants, type Stats } from 'node:fs';
import fs from 'node:fs/promises';

// O_NONBLOCK makes open() of a FIFO return at once; it changes nothing for a regular file.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export class FileReadError extends Error {
  constructor(readonly code: 'not-found' | 'folder' | 'not-regular' | 'too-large' | 'denied' | 'other', message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function openProblem(error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new FileReadError('not-found', 'no such file');
  if (code === 'EISDIR') return new FileReadError('folder', 'is a folder, not a file');
  if (code === 'EACCES' || code === 'EPERM') return new FileReadError('denied', 'permission denied');
  return new FileReadError('other', `cannot read the file: ${(error as Error).message}`);
}

/**
 * The bytes of the regular file at `absolute`, at most `maxBytes` of them. Throws FileReadError
 * whose message says what is wrong without the path (callers place it).
 */
export async function readRegularFile(absolute: string, maxBytes: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try { handle = await fs.open(absolute, READ_FLAGS); } catch (error) { throw openProblem(error); }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new FileReadError('folder', 'is a folder, not a file');
    if (!stats.isFile()) throw new FileReadError('not-regular', `is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw new FileReadError('too-large', `is ${stats.size} bytes, more than the ${maxBytes}-byte limit`);
    // read at most maxBytes + 1: a file growing while read is caught too
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, got, buffer.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got > maxBytes) throw new FileReadError('too-large', `is more than the ${maxBytes}-byte limit`);
      if (got === buffer.length) break;
    }
    return buffer.subarray(0, got);
  } catch (error) {
    throw error instanceof FileReadError ? error : openProblem(error);
  } finally {
    await handle.close();
  }
}

/** the UTF-8 text of the regular file at `absolute` (see readRegularFile) */
export async function readRegularText(absolute: string, maxBytes: number): Promise<string> {
  return (await readRegularFile(absolute, maxBytes)).toString('utf8');
}
