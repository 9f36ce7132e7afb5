import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devCommand } from './devCommand.js';
import type { Terminal } from './terminal.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-dev-'));
const previousHome = process.env.WEFT_HOME;
process.env.WEFT_HOME = path.join(work, 'home');
afterAll(() => {
  if (previousHome === undefined) delete process.env.WEFT_HOME;
  else process.env.WEFT_HOME = previousHome;
  fs.rmSync(work, { recursive: true, force: true });
});

const entry = (field: string) => `export default class Tag {
  constructor(provider) { this.provider = provider; }
  onInputConnectionOpened(connection) {
    this.provider.getOutputAnchor('Output').open({ fields: [...connection.metadata.fields, { name: '${field}', type: 'int32' }] });
  }
}
`;

/** resolves when the output so far matches */
function waitFor(read: () => string, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(read())) resolve();
      else if (Date.now() > deadline) reject(new Error(`no ${pattern} in:\n${read()}`));
      else setTimeout(check, 50);
    };
    check();
  });
}

describe('weft dev', () => {
  it('re-runs update-only on each edit of a plain JS plugin; a broken edit is reported with its place and the last good version stays', async () => {
    const dir = path.join(work, 'acme-dev');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'weft-plugin.json'), JSON.stringify({
      name: 'acme-dev', version: '1.0.0',
      tools: [{ id: 'tag', name: 'Tag', entry: 'tag.js', inputs: [{ name: 'Input' }], outputs: [{ name: 'Output' }] }],
    }));
    fs.writeFileSync(path.join(dir, 'tag.js'), entry('First'));
    let out = '';
    const terminal: Terminal = { out: (text) => void (out += text), err: (text) => void (out += text), live: false, colour: false };
    const stop = new AbortController();
    const done = devCommand({ kind: 'dev', dir, flow: null, run: false, rows: 5, verbose: false }, terminal, stop.signal);
    try {
      await waitFor(() => out, /update-only ok in \d+ ms after the start/);
      expect(out).toContain('tag (acme-dev/tag): ok\n  Output: name v_wstring, value double, First int32');
      fs.writeFileSync(path.join(dir, 'tag.js'), entry('Second'));
      await waitFor(() => out, /Output: name v_wstring, value double, Second int32/);
      fs.writeFileSync(path.join(dir, 'tag.js'), 'export default class Tag {\n  constructor( {\n}\n');
      await waitFor(() => out, /load failed, the last good version stays loaded: .*tag\.js/);
      await waitFor(() => out, /after the edit[\s\S]*load failed[\s\S]*after the edit/);
      expect(out.slice(out.lastIndexOf('load failed'))).toContain('Second int32');
    } finally {
      stop.abort();
      expect(await done).toBe(0);
    }
  }, 120_000);
});
