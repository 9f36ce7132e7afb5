/** The browser mode's in-app file dialog lists folders through the engine (no native dialog there). */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DirectoryEntry, DirectoryListing } from '../../../shared/weftApi.js';

export async function listDirectory(dir: string | null): Promise<DirectoryListing> {
  const absolute = path.resolve(dir ?? os.homedir());
  let dirents;
  try {
    dirents = await fs.readdir(absolute, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new Error(`${absolute}: ${reason}`);
  }
  const entries: DirectoryEntry[] = [];
  for (const dirent of dirents) {
    const full = path.join(absolute, dirent.name);
    let isDirectory = dirent.isDirectory();
    if (dirent.isSymbolicLink()) isDirectory = await fs.stat(full).then((s) => s.isDirectory(), () => false);
    entries.push({ name: dirent.name, path: full, kind: isDirectory ? 'directory' : 'file' });
  }
  entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'directory' ? -1 : 1));
  const parent = path.dirname(absolute);
  return { path: absolute, parent: parent === absolute ? null : parent, entries };
}
