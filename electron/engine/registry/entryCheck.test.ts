import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkEntries } from './entryCheck.js';
import { tempDir } from './packageFixtures.js';

let dir: string;
beforeEach(() => {
  dir = tempDir('entry-check');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, source: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  return file;
}

describe('checkEntries', () => {
  it('an entry calling process.exit() at import is blamed alone, with its exit code and no command line', async () => {
    const good = write('good.mjs', 'export default class Good {}\n');
    const exits = write('exits.mjs', 'process.exit(5);\nexport default class T {}\n');
    const after = write('after.mjs', 'export default class After {}\n');
    const problems = await checkEntries([good, exits, after], dir);
    expect(problems).toEqual([{ file: exits, problem: 'importing ended the process (exit code 5; does it call process.exit()?)' }]);
  });

  it('reports each bad entry with its own problem, and nothing for good ones', async () => {
    const good = write('good.mjs', 'export default class Good {}\n');
    const thrown = write('thrown.mjs', 'throw 7;\n');
    const noClass = write('value.mjs', 'export default 3;\n');
    expect(await checkEntries([good, thrown, noClass], dir)).toEqual([
      { file: thrown, problem: 'cannot be imported: 7' },
      { file: noClass, problem: 'default-exports a number, not a class' },
    ]);
  });
});
