import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..', '..', '..');
const fixtures = path.join(import.meta.dirname, 'fixtures', 'lifecycle-tools');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-console-home-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('a plugin writing to the console', () => {
  it('does not corrupt `weft run --json` / `weft update --json`: its output goes to stderr', async () => {
    const workflow = path.join(home, 'chatty.weft.json');
    fs.writeFileSync(workflow, JSON.stringify({
      format: 'weft-workflow', version: 1, connections: [],
      tools: ['constructor', 'onComplete'].map((phase, i) => ({
        id: `c${i}`, plugin: 'lt/faulty', config: { phase, how: 'console' }, position: { x: 0, y: 0 },
      })),
    }));
    for (const command of ['run', 'update']) {
      const { stdout, stderr } = await run(process.execPath, [path.join(repo, 'bin', 'weft.mjs'), command, workflow, '--plugins', fixtures, '--json'], {
        env: { ...process.env, WEFT_HOME: home },
      });
      // stdout holds exactly the one JSON object; the plugin's lines are not in it
      const summary = JSON.parse(stdout) as { status: string };
      expect(summary.status, command).toBe('ok');
      expect(stdout).not.toMatch(/console\.log in|stdout\.write in/);
      // (a worker's last stdout bytes may be cut off when the command ends, so only stderr is certain)
      expect(stderr).toContain('console.error in constructor');
    }
  }, 60_000);
});
