// Paths a user gives (a workflow to open, a plugin folder to install) that are not regular files:
// a FIFO read with fs.readFile held one of libuv's four file-I/O threads until a writer came, so
// four of them hung every file call of the process (the browser mode's sessions included).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileReadError, readRegularFile } from './regularFile.js';
import { loadWorkflowFile } from './workflowFiles/workflowFileStore.js';
import { readPackage } from './registry/packageLoader.js';
import { goodManifest, writeGoodPackage } from './registry/packageFixtures.js';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-regular-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const fifo = (name: string) => {
  const file = path.join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
};

describe('reading user-given paths never blocks', () => {
  it('eight workflow opens of FIFOs fail at once, and file calls keep working afterwards', async () => {
    const pipes = Array.from({ length: 8 }, (_, i) => fifo(`p${i}.weft.json`));
    const loaded = await Promise.all(pipes.map((p) => loadWorkflowFile(p)));
    for (const result of loaded) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0].message).toBe('is a named pipe (FIFO), not a regular file');
    }
    // with the file-I/O threads held, this read would never finish
    fs.writeFileSync(path.join(dir, 'plain.txt'), 'ok');
    expect(await fs.promises.readFile(path.join(dir, 'plain.txt'), 'utf8')).toBe('ok');
  });

  it('/dev/zero is refused without reading it; a file over the limit is refused by its size', async () => {
    const zero = await loadWorkflowFile('/dev/zero');
    expect(zero.ok === false && zero.errors[0].message).toBe('is a character device, not a regular file');
    fs.writeFileSync(path.join(dir, 'big.bin'), Buffer.alloc(2000));
    await expect(readRegularFile(path.join(dir, 'big.bin'), 1000)).rejects.toThrow('is 2000 bytes, more than the 1000-byte limit');
    await expect(readRegularFile(path.join(dir, 'absent'), 10)).rejects.toBeInstanceOf(FileReadError);
    expect((await readRegularFile(path.join(dir, 'big.bin'), 2000)).length).toBe(2000);
  });

  it('a plugin folder whose manifest is a FIFO is refused with the reason', async () => {
    const folder = path.join(dir, 'acme');
    writeGoodPackage(folder, goodManifest('acme-tools'));
    fs.rmSync(path.join(folder, 'weft-plugin.json'));
    execFileSync('mkfifo', [path.join(folder, 'weft-plugin.json')]);
    await expect(readPackage(folder, { source: 'installed', checkImports: false })).rejects.toThrow('is a named pipe (FIFO), not a regular file');
  });
});
