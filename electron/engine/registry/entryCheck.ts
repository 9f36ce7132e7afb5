/**
 * Checks that entry modules import without throwing and default-export a class, in a short-lived
 * child process: a syntax error, a throwing top level, a hang or a crash in a plugin cannot hurt
 * the host, and nothing the plugin does at import stays loaded in the host.
 */
import { execFile } from 'node:child_process';

const TIMEOUT_MS = 15_000;
const MARKER = '@@weft-entry-check@@';
const STARTED = '@@weft-entry-start@@';

// Runs in the child. Kept free of imports from Weft so it needs no build step.
const CHILD_SOURCE = `
import { pathToFileURL } from 'node:url';
const results = [];
for (const [index, file] of process.argv.slice(1).entries()) {
  process.stdout.write('\\n${STARTED}' + index + '\\n');
  try {
    const ns = await import(pathToFileURL(file).href);
    const value = ns.default;
    let problem = null;
    if (value === undefined) problem = 'has no default export (expected the plugin class: export default class …)';
    else if (typeof value !== 'function') problem = 'default-exports a ' + (value === null ? 'null' : typeof value) + ', not a class';
    else if (!value.prototype) problem = 'default-exports a function that cannot be constructed, not a class';
    results.push({ file, problem });
  } catch (error) {
    const text = error instanceof Error ? (error.name === 'Error' ? '' : error.name + ': ') + error.message : String(error);
    results.push({ file, problem: 'cannot be imported: ' + text.split('\\n')[0] });
  }
}
process.stdout.write('\\n${MARKER}' + JSON.stringify(results) + '\\n', () => process.exit(0));
`;

export interface EntryProblem {
  file: string;
  problem: string;
}

/** imports each entry in a child process; returns the problems found (empty when all are fine) */
export function checkEntries(entryFiles: string[], cwd: string): Promise<EntryProblem[]> {
  if (entryFiles.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '--no-warnings', '-e', CHILD_SOURCE, ...entryFiles],
      {
        cwd,
        timeout: TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '' },
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        const at = stdout.lastIndexOf(MARKER);
        if (at >= 0) {
          const results = JSON.parse(stdout.slice(at + MARKER.length).trim()) as Array<{ file: string; problem: string | null }>;
          resolve(results.filter((r): r is EntryProblem => r.problem !== null));
          return;
        }
        const failure = error as (Error & { killed?: boolean; code?: number | string }) | null;
        const lastLine = stderr.trim().split('\n').pop() ?? '';
        const reason = failure?.killed
          ? `importing did not finish within ${TIMEOUT_MS / 1000} s`
          : lastLine ? `importing crashed the process: ${lastLine}`
            : `importing ended the process (exit code ${failure?.code ?? 'unknown'}; does it call process.exit()?)`;
        // the entry being imported when the child stopped is the one to blame
        const started = [...stdout.matchAll(new RegExp(`${STARTED}(\\d+)`, 'g'))].at(-1);
        const culprit = started ? entryFiles[Number(started[1])] : undefined;
        resolve(culprit ? [{ file: culprit, problem: reason }] : entryFiles.map((file) => ({ file, problem: reason })));
      },
    );
  });
}
