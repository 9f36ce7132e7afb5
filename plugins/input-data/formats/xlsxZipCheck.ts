/**
 * A cheap look at an .xlsx file's zip directory before exceljs reads it: exceljs reports a
 * truncated or foreign file as "FILE_ENDED", "invalid signature: 0x…" or a null dereference, and
 * inflates a zip bomb until V8 gives up ("Invalid string length"). Here the end-of-directory
 * record and the central directory are read (at most a few MB), and each problem gets a message
 * naming the file.
 */
import { closeSync, readSync } from 'node:fs';
import { openRegularFileSync } from '../../common/ioRegularFile.js';

/** entries above this uncompressed size that also inflate more than MAX_RATIO times are refused as zip bombs */
export const BOMB_MIN_BYTES = 256 * 1024 * 1024;
export const MAX_RATIO = 200;
/** the whole workbook may inflate to at most this */
export const MAX_UNCOMPRESSED_BYTES = 8 * 1024 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buffer.subarray(0, got);
}

function centralDirectory(fd: number, size: number, file: string): ZipEntry[] {
  const damaged = (what: string) => new Error(`${file}: not a readable .xlsx file: ${what}`);
  if (size < 22) throw damaged('the file is too short to be a zip archive');
  if (readAt(fd, 0, 4).readUInt32LE(0) !== 0x04034b50) throw damaged('it does not start like a zip archive (an .xlsx is one); is it another format renamed?');
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = readAt(fd, size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { at = i; break; }
  if (at < 0) throw damaged('the zip directory at its end is missing: the file is truncated or damaged');
  const count = tail.readUInt16LE(at + 10);
  const dirSize = tail.readUInt32LE(at + 12);
  const dirOffset = tail.readUInt32LE(at + 16);
  // ZIP64 archives (over 4 GB or 65,535 entries) mark these fields with all-ones; exceljs reads them itself
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) return [];
  if (dirOffset + dirSize > size) throw damaged('the zip directory points past the end of the file: the file is truncated or damaged');
  const dir = readAt(fd, dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw damaged('the zip directory is damaged');
    const nameLength = dir.readUInt16LE(p + 28);
    const extra = dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    entries.push({
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      compressed: dir.readUInt32LE(p + 20),
      uncompressed: dir.readUInt32LE(p + 24),
    });
    p += 46 + nameLength + extra;
  }
  return entries;
}

/** throws an error naming `file` when the .xlsx at `absolute` cannot be a readable workbook */
export function checkXlsxZip(absolute: string, file: string): void {
  const { fd, size } = openRegularFileSync(absolute, file);
  let entries: ZipEntry[];
  try {
    entries = centralDirectory(fd, size, file);
  } finally {
    closeSync(fd);
  }
  if (entries.length === 0) return;
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new Error(`${file}: not an Excel workbook: the zip archive has no xl/workbook.xml (is it an .xlsx saved by another program, or a renamed zip?)`);
  }
  const mb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${Math.round(n / (1024 * 1024))} MB`);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressed;
    if (entry.uncompressed > BOMB_MIN_BYTES && entry.uncompressed > MAX_RATIO * Math.max(1, entry.compressed)) {
      throw new Error(`${file}: refused: ${entry.name} inflates from ${mb(entry.compressed)} to ${mb(entry.uncompressed)} (over ${MAX_RATIO} times), which is how a zip bomb looks`);
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES) throw new Error(`${file}: refused: the workbook inflates to ${mb(total)}, over the ${mb(MAX_UNCOMPRESSED_BYTES)} limit`);
}

/** exceljs's and the zip reader's messages, said in words that name the file */
export function xlsxReadError(file: string, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith(`${file}:`)) return error as Error;
  if (message === 'FILE_ENDED') return new Error(`${file}: not a readable .xlsx file: it ends early (truncated?)`);
  if (/invalid signature/i.test(message)) return new Error(`${file}: not a readable .xlsx file: the zip data is damaged (${message})`);
  if (/Invalid string length/i.test(message)) return new Error(`${file}: a shared string or cell is too large to read (over about 512 MB of text)`);
  return new Error(`${file}: not a readable .xlsx file (${message})`);
}
