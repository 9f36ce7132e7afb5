/**
 * Files a tool writes outside its temp folder and that must not outlive an interrupted run (Output
 * Data's `.<name>.<pid>-<hex>.weft-tmp` beside its target). A tool lists their absolute paths, one
 * a line, in `<tempDir>/.weft-partial-files`; when the run ends (finished, failed, timed out or
 * cancelled, whose workers were terminated without a chance to clean up), the listed files that
 * still exist are removed. A tool that completed its file renames it away, so nothing is removed.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export const PARTIAL_FILES_LIST = '.weft-partial-files';

/** removes every file listed by the tools of a run whose temp folders are under `tempRoot` */
export async function removePartialFiles(tempRoot: string): Promise<void> {
  const tools = await fs.readdir(tempRoot).catch(() => [] as string[]);
  await Promise.all(tools.map(async (tool) => {
    const list = await fs.readFile(path.join(tempRoot, tool, PARTIAL_FILES_LIST), 'utf8').catch(() => '');
    for (const file of list.split('\n')) {
      if (path.isAbsolute(file)) await fs.rm(file, { force: true }).catch(() => undefined);
    }
  }));
}
