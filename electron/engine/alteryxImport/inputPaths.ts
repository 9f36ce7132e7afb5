/**
 * File paths as Alteryx writes them (`C:\data\sales.csv`, `..\in\a.csv`, `\\server\share\x.csv`),
 * found on this machine: as written when it exists, else by file name beside the .yxmd. The path
 * put into the Weft config is relative to the Weft workflow's folder when the file is inside it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const WINDOWS_ABSOLUTE = /^(?:[a-zA-Z]:[\\/]|\\\\)/;

/** the last part of a path written with either separator */
export function fileNameOf(alteryxPath: string): string {
  const parts = alteryxPath.split(/[\\/]/);
  return parts[parts.length - 1] ?? alteryxPath;
}

/** where an Alteryx path points on this machine, before any look-up */
export function localPathOf(alteryxPath: string, yxmdDir: string): string {
  if (WINDOWS_ABSOLUTE.test(alteryxPath)) return path.sep === '\\' ? alteryxPath : alteryxPath.replace(/\\/g, '/');
  const forward = alteryxPath.replace(/\\/g, '/');
  return path.isAbsolute(forward) ? forward : path.resolve(yxmdDir, forward);
}

export interface FoundPath {
  /** the path to write into the config */
  configPath: string;
  found: boolean;
  note?: string;
}

function forConfig(absolute: string, outputDir: string): string {
  const relative = path.relative(outputDir, absolute);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

/** an input file: as written, else by its name beside the .yxmd; reported when not found */
export function findInputFile(alteryxPath: string, yxmdDir: string, outputDir: string): FoundPath {
  const local = localPathOf(alteryxPath, yxmdDir);
  if (!WINDOWS_ABSOLUTE.test(alteryxPath) || path.sep === '\\') {
    if (existsSync(local)) return { configPath: forConfig(local, outputDir), found: true };
  }
  const beside = path.join(yxmdDir, fileNameOf(alteryxPath));
  if (existsSync(beside)) {
    return { configPath: forConfig(beside, outputDir), found: true, note: `input file ${alteryxPath} does not exist here; using ${fileNameOf(alteryxPath)} found beside the workflow` };
  }
  return {
    configPath: forConfig(WINDOWS_ABSOLUTE.test(alteryxPath) && path.sep !== '\\' ? beside : local, outputDir),
    found: false,
    note: `input file not found: ${alteryxPath} (nor ${fileNameOf(alteryxPath)} beside the workflow); the run will fail until it is there`,
  };
}

/** an output file: a Windows path that cannot be written here goes beside the Weft workflow */
export function outputFilePath(alteryxPath: string, yxmdDir: string, outputDir: string): FoundPath {
  if (WINDOWS_ABSOLUTE.test(alteryxPath) && path.sep !== '\\') {
    const name = fileNameOf(alteryxPath);
    return { configPath: name, found: true, note: `output file ${alteryxPath} is a Windows path; writing ${name} beside the workflow instead` };
  }
  const local = localPathOf(alteryxPath, yxmdDir);
  if (!existsSync(path.dirname(local))) {
    const name = fileNameOf(alteryxPath);
    return { configPath: name, found: true, note: `the folder of output file ${alteryxPath} does not exist here; writing ${name} beside the workflow instead` };
  }
  return { configPath: forConfig(local, outputDir), found: true };
}
