/**
 * `.weftpkg`: one plugin package in one file, a gzipped tar of the folder (without `.git`,
 * `node_modules`, `.weft-root` and earlier `.weftpkg` files) plus `weftpkg.json`, which names the
 * package and version and holds the SHA-256 of every file and of that list. Unpacking accepts only
 * regular files and folders inside the target, checks every hash and that no file is missing or
 * extra, and gives back a folder that installs like any other.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { MANIFEST_FILE } from '../../../shared/manifest.js';
import { PackageError, readPackage } from './packageLoader.js';
import { symlinkLeavingFolder } from './packagePaths.js';

export const ARCHIVE_EXTENSION = '.weftpkg';
export const ARCHIVE_INDEX = 'weftpkg.json';
const FORMAT = 'weftpkg';
const LEFT_OUT = new Set(['.git', 'node_modules', '.weft-root']);

interface ArchiveIndex {
  format: typeof FORMAT;
  formatVersion: 1;
  name: string;
  version: string;
  /** path (with `/`) → SHA-256 of the file's bytes, sorted by path */
  files: Record<string, string>;
  /** SHA-256 of `files` as JSON */
  sha256: string;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** every file under `dir`; `packing` leaves out what a package does not ship */
async function listFiles(dir: string, packing: boolean, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (packing && (LEFT_OUT.has(entry.name) || entry.name.endsWith(ARCHIVE_EXTENSION))) continue;
    if (!prefix && entry.name === ARCHIVE_INDEX) continue;
    const stat = await fs.stat(path.join(dir, relative));
    if (stat.isDirectory()) out.push(...(await listFiles(dir, packing, relative)));
    else if (stat.isFile()) out.push(relative);
  }
  return out.sort();
}

/** checks the folder as an install would (entries imported in a child process), then writes `<name>-<version>.weftpkg` */
export async function packPackage(dir: string, outFile?: string): Promise<{ file: string; name: string; version: string; files: number }> {
  const source = path.resolve(dir);
  const pkg = await readPackage(source, { source: 'installed', checkImports: true });
  const leaving = await symlinkLeavingFolder(await fs.realpath(source));
  if (leaving) throw new PackageError(path.join(source, leaving.link), `is a symlink pointing outside the package folder (to ${leaving.target})`);
  const names = await listFiles(source, true);
  const files: Record<string, string> = {};
  for (const name of names) files[name] = sha256(await fs.readFile(path.join(source, name)));
  const index: ArchiveIndex = { format: FORMAT, formatVersion: 1, name: pkg.name, version: pkg.version, files, sha256: sha256(JSON.stringify(files)) };
  const file = path.resolve(outFile ?? path.join(source, `${pkg.name}-${pkg.version}${ARCHIVE_EXTENSION}`));
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), 'weft-pack-'));
  try {
    await fs.writeFile(path.join(staging, ARCHIVE_INDEX), JSON.stringify(index, null, 2));
    for (const name of names) await fs.cp(path.join(source, name), path.join(staging, name), { dereference: true });
    // the index first, so a reader meets it before the files
    await tar.create({ gzip: true, file: `${file}.partial`, cwd: staging, portable: true }, [ARCHIVE_INDEX, ...names]);
    await fs.rename(`${file}.partial`, file);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
    await fs.rm(`${file}.partial`, { force: true });
  }
  return { file, name: pkg.name, version: pkg.version, files: names.length };
}

/** unpacks a `.weftpkg` into a new temporary folder (the caller removes it) after checking every file */
export async function unpackPackage(archive: string): Promise<string> {
  const file = path.resolve(archive);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'weft-unpack-'));
  try {
    const refused: string[] = [];
    await tar.extract({
      file, cwd: dir, strict: true,
      filter: (entryPath, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        const ok = (type === 'File' || type === 'Directory') && !path.isAbsolute(entryPath) && !entryPath.split(/[\\/]/).includes('..');
        if (!ok) refused.push(`${entryPath} (${type})`);
        return ok;
      },
    }).catch((error: Error) => {
      throw new PackageError(file, `not a .weftpkg file (a gzipped tar): ${error.message}`);
    });
    if (refused.length > 0) throw new PackageError(file, `holds entries a package may not: ${refused.join(', ')} (only files and folders inside it)`);
    const index = await readIndex(file, dir);
    const found = await listFiles(dir, false);
    const missing = Object.keys(index.files).filter((name) => !found.includes(name));
    const extra = found.filter((name) => !Object.hasOwn(index.files, name));
    if (missing.length > 0) throw new PackageError(file, `files listed in ${ARCHIVE_INDEX} are missing: ${missing.join(', ')}`);
    if (extra.length > 0) throw new PackageError(file, `files not listed in ${ARCHIVE_INDEX}: ${extra.join(', ')}`);
    for (const name of found) {
      if (sha256(await fs.readFile(path.join(dir, name))) !== index.files[name]) throw new PackageError(file, `${name} does not match its SHA-256 in ${ARCHIVE_INDEX}: the file is damaged or was changed`);
    }
    await fs.rm(path.join(dir, ARCHIVE_INDEX));
    return dir;
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function readIndex(file: string, dir: string): Promise<ArchiveIndex> {
  const text = await fs.readFile(path.join(dir, ARCHIVE_INDEX), 'utf8').catch(() => {
    throw new PackageError(file, `has no ${ARCHIVE_INDEX}: not made by weft plugins pack`);
  });
  let index: ArchiveIndex;
  try {
    index = JSON.parse(text) as ArchiveIndex;
  } catch (error) {
    throw new PackageError(file, `${ARCHIVE_INDEX} is not JSON (${(error as Error).message})`);
  }
  if (index?.format !== FORMAT || index.formatVersion !== 1 || typeof index.files !== 'object' || index.files === null) {
    throw new PackageError(file, `${ARCHIVE_INDEX} is not a weftpkg index of format version 1`);
  }
  if (index.sha256 !== sha256(JSON.stringify(index.files))) throw new PackageError(file, `${ARCHIVE_INDEX}: the file list does not match its SHA-256`);
  if (!Object.hasOwn(index.files, MANIFEST_FILE)) throw new PackageError(file, `holds no ${MANIFEST_FILE}`);
  return index;
}

/** true for a path naming a packed package rather than a folder */
export function isArchivePath(target: string): boolean {
  return target.endsWith(ARCHIVE_EXTENSION);
}
