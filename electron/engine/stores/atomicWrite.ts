/**
 * Atomic file replacement: write a temporary file beside the target, flush it to disk, then rename
 * it over the target. A crash at any moment leaves the old file or the new one, never a torn file.
 * Writing goes in chunks through async fs so tens of MB do not block the host's event loop.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const CHUNK = 1 << 20;

export function tempSibling(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = tempSibling(file);
  const handle = await fs.open(temp, 'w');
  try {
    for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, bytes.byteLength);
      let written = offset;
      while (written < end) {
        const { bytesWritten } = await handle.write(bytes, written, end - written);
        written += bytesWritten;
      }
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** reads a file, or returns undefined when it does not exist */
export async function readFileIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
