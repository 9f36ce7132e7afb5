// The `weft` command as a user runs it: `node bin/weft.mjs …` in a subprocess, with a temp
// WEFT_HOME and a plain-JavaScript plugin folder written from the spec only (fixtures/acme-tools).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../engine/compiledPath.js';

const bin = path.join(projectRoot, 'bin', 'weft.mjs');
const fixtures = path.join(projectRoot, 'electron', 'cli', 'fixtures');
const acme = path.join(fixtures, 'acme-tools');
const workflows = path.join(fixtures, 'workflows');

// every test starts several `weft` processes; on a loaded machine each can take seconds
const TEST_TIMEOUT_MS = 90_000;
vi.setConfig({ testTimeout: TEST_TIMEOUT_MS });

let home: string;
let scratch: string;
beforeAll(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-cli-home-'));
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-cli-files-'));
});
afterAll(() => {
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function weft(args: string[], env: Record<string, string> = {}, cwd = projectRoot): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const { INIT_CWD: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...inherited, WEFT_HOME: home, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // a stuck command is killed before the test's own limit, so the failure shows its output
    const killer = setTimeout(() => child.kill('SIGKILL'), TEST_TIMEOUT_MS - 10_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

interface RunJson {
  status: string;
  durationMs: number;
  tools: Record<string, {
    status: string;
    messages: Array<{ level: string; text: string }>;
    outputs: Record<string, { records?: number; metadata: { fields: Array<{ name: string; type: string }> } }>;
    results: string[];
  }>;
}

/** shown when an exit code is not the expected one */
const explain = (o: Outcome) => `stderr: ${o.stderr}\nstdout: ${o.stdout.slice(0, 3000)}`;

function writeWorkflow(name: string, content: unknown): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

const texts = (json: RunJson, tool: string) => json.tools[tool]!.messages.map((m) => m.text);

describe('weft command line', () => {
  it('prints help with exit 0, and exit 2 for a command line it cannot understand', async () => {
    const help = await weft(['--help']);
    expect(help.code, explain(help)).toBe(0);
    expect(help.stdout).toMatch(/weft run FILE/);
    const unknown = await weft(['frobnicate']);
    expect(unknown.code, explain(unknown)).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    expect((await weft(['run'])).code).toBe(2);
    const badOption = await weft(['run', path.join(workflows, 'total.weft.json'), '--json', '--bogus']);
    expect(badOption.code, explain(badOption)).toBe(2);
    expect(JSON.parse(badOption.stdout)).toMatchObject({ status: 'invalid', errors: [expect.stringMatching(/bogus/)] });
    const badTimeout = await weft(['run', path.join(workflows, 'total.weft.json'), '--timeout', 'soon']);
    expect(badTimeout.code, explain(badTimeout)).toBe(2);
    expect(badTimeout.stderr).toMatch(/--timeout takes a number of seconds/);
    expect(badTimeout.stderr.trim().split('\n')).toHaveLength(1);
    const badType = await weft(['plugins', 'new', path.join(scratch, 'p'), '--tool-type', 'sideways']);
    expect(badType.code, explain(badType)).toBe(2);
  });
});

describe('weft run / update', () => {
  it('runs a plain-JS plugin folder with --plugins and prints only the JSON the spec describes', async () => {
    const result = await weft(['run', path.join(workflows, 'total.weft.json'), '--plugins', acme, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code, explain(result)).toBe(0);
    const json = JSON.parse(result.stdout) as RunJson;
    expect(Object.keys(json).sort()).toEqual(['durationMs', 'status', 'tools']);
    expect(json.status).toBe('ok');
    expect(typeof json.durationMs).toBe('number');
    expect(Object.keys(json.tools).sort()).toEqual(['gen', 'sum']);
    expect(json.tools.gen).toMatchObject({
      status: 'ok',
      outputs: { Output: { records: 5, metadata: { fields: [{ name: 'n', type: 'int32' }, { name: 'amount', type: 'double' }] } } },
      results: [],
    });
    expect(json.tools.sum!.outputs.Output!.records).toBe(5);
    expect(json.tools.sum!.outputs.Output!.metadata.fields.map((f) => f.name)).toEqual(['n', 'amount', 'total']);
    expect(texts(json, 'sum')).toContain('total 22.5 over 5 records');
    expect(texts(json, 'sum').find((t) => t.startsWith('lifecycle:'))).toMatch(/^lifecycle: constructor, opened #1(, packet)+, complete$/);
    expect(Object.keys(json.tools.sum!).sort()).toEqual(['cached', 'engine', 'messages', 'outputs', 'results', 'status']);
  });

  it('update-only prints anchors with metadata and no record counts, calling only constructor and onInputConnectionOpened', async () => {
    const result = await weft(['update', path.join(workflows, 'total.weft.json'), '--plugins', acme, '--json']);
    expect(result.code, explain(result)).toBe(0);
    const json = JSON.parse(result.stdout) as RunJson;
    expect(json.status).toBe('ok');
    expect(json.tools.sum!.outputs.Output).toEqual({ metadata: { fields: [{ name: 'n', type: 'int32' }, { name: 'amount', type: 'double' }, { name: 'total', type: 'double' }] } });
    expect(texts(json, 'sum')).toEqual(['lifecycle: constructor, opened #1']);
    expect(texts(json, 'gen')).toEqual([]);
  });

  it('takes a relative FILE and --plugins DIR from $INIT_CWD', async () => {
    const result = await weft(['run', 'workflows/total.weft.json', '--plugins', 'acme-tools', '--json'], { INIT_CWD: fixtures }, os.tmpdir());
    expect(result.code, explain(result)).toBe(0);
    expect((JSON.parse(result.stdout) as RunJson).tools.sum!.outputs.Output!.records).toBe(5);
  });

  it('prints a table of tools, statuses and record counts without --json', async () => {
    const result = await weft(['run', path.join(workflows, 'total.weft.json'), '--plugins', acme]);
    expect(result.code, explain(result)).toBe(0);
    expect(result.stdout).toMatch(/^tool\s+plugin\s+status\s+records/m);
    expect(result.stdout).toMatch(/^sum\s+acme-tools\/running-total\s+ok\s+Output 5$/m);
    expect(result.stdout).toMatch(/sum: info: total 22.5 over 5 records/);
    expect(result.stdout).toMatch(/Run ok in \d+ ms/);
  });

  it('a throwing plugin fails alone: what depends on it is cancelled, the other branch finishes, exit 1', async () => {
    const result = await weft(['run', path.join(workflows, 'branches.weft.json'), '--plugins', acme, '--json']);
    expect(result.code, explain(result)).toBe(1);
    const json = JSON.parse(result.stdout) as RunJson;
    expect(json.status).toBe('error');
    expect(json.tools.boom!.status).toBe('error');
    expect(json.tools.boom!.messages.some((m) => m.level === 'error' && /thrower fails on purpose/.test(m.text))).toBe(true);
    expect(json.tools.after!.status).toBe('cancelled');
    expect(json.tools.sum2).toMatchObject({ status: 'ok', outputs: { Output: { records: 4 } } });
    expect(texts(json, 'sum2')).toContain('total 10 over 4 records');
  });

  it('--timeout stops a hanging plugin: it is an error saying timeout, the other branch finishes, exit 1', async () => {
    // the limit bounds the whole run, so it leaves the other branch (five worker starts on a
    // loaded machine) ample time; the stuck tool blocks without using a core meanwhile
    const result = await weft(['run', path.join(workflows, 'hang.weft.json'), '--plugins', acme, '--json', '--timeout', '8']);
    expect(result.code, explain(result)).toBe(1);
    const json = JSON.parse(result.stdout) as RunJson;
    expect(json.status).toBe('error');
    expect(json.tools.stuck!.status).toBe('error');
    expect(json.tools.stuck!.messages.some((m) => m.level === 'error' && /time ?out/i.test(m.text))).toBe(true);
    expect(json.tools.after!.status).toBe('cancelled');
    expect(json.tools.sum2).toMatchObject({ status: 'ok', outputs: { Output: { records: 2 } } });
  });

  it('a tool whose plugin is missing is an error on that tool at run time (exit 1), not an invalid file', async () => {
    const result = await weft(['run', path.join(workflows, 'total.weft.json'), '--json']);
    expect(result.code, explain(result)).toBe(1);
    const json = JSON.parse(result.stdout) as RunJson;
    expect(json.tools.gen!.status).toBe('error');
    expect(json.tools.gen!.messages.map((m) => m.text).join('\n')).toMatch(/acme-tools\/generator/);
  });

  it('invalid files exit 2 with the message on stderr and { status: "invalid", errors } on stdout with --json', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['notjson.weft.json', '{ "format": "weft-workflow", ', /not valid JSON at line 1, column/],
      ['format.weft.json', { format: 'other', version: 1, tools: [], connections: [] }, /unknown format "other"/],
      ['version.weft.json', { format: 'weft-workflow', version: 99, tools: [], connections: [] }, /version 99 is newer/],
      ['dup.weft.json', { format: 'weft-workflow', version: 1, tools: [
        { id: 'a', plugin: 'acme-tools/generator', config: { count: 1 }, position: { x: 0, y: 0 } },
        { id: 'a', plugin: 'acme-tools/generator', config: { count: 1 }, position: { x: 0, y: 0 } }], connections: [] }, /duplicate tool id "a"/],
      ['anchor.weft.json', { format: 'weft-workflow', version: 1, tools: [
        { id: 'a', plugin: 'acme-tools/generator', config: { count: 1 }, position: { x: 0, y: 0 } },
        { id: 'b', plugin: 'acme-tools/running-total', config: { field: 'n' }, position: { x: 0, y: 0 } }],
      connections: [{ from: { tool: 'a', anchor: 'Output' }, to: { tool: 'b', anchor: 'Left' } }] }, /no input anchor "Left"/],
      ['cycle.weft.json', { format: 'weft-workflow', version: 1, tools: [
        { id: 'a', plugin: 'acme-tools/running-total', config: { field: 'n' }, position: { x: 0, y: 0 } },
        { id: 'b', plugin: 'acme-tools/running-total', config: { field: 'n' }, position: { x: 0, y: 0 } }],
      connections: [
        { from: { tool: 'a', anchor: 'Output' }, to: { tool: 'b', anchor: 'Input' } },
        { from: { tool: 'b', anchor: 'Output' }, to: { tool: 'a', anchor: 'Input' } }] }, /cycle: a → b → a/],
    ];
    for (const [name, content, pattern] of cases) {
      const file = writeWorkflow(name, content);
      const result = await weft(['run', file, '--plugins', acme, '--json']);
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(pattern);
      expect(result.stderr, name).toContain(file);
      const json = JSON.parse(result.stdout) as { status: string; errors: string[] };
      expect(json.status).toBe('invalid');
      expect(json.errors.join('\n')).toMatch(pattern);
    }
    const missing = await weft(['update', path.join(scratch, 'absent.weft.json')]);
    expect(missing.code, explain(missing)).toBe(2);
    expect(missing.stderr).toMatch(/absent\.weft\.json: no such file/);
    expect(missing.stdout).toBe('');
  });

  it('a --plugins folder that cannot be loaded is an invalid argument (exit 2)', async () => {
    const result = await weft(['run', path.join(workflows, 'total.weft.json'), '--plugins', path.join(scratch, 'nowhere'), '--json']);
    expect(result.code, explain(result)).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'invalid' });
    expect(result.stderr).toMatch(/nowhere/);
  });
});

describe('weft plugins', () => {
  it('lists built-in and loaded tools as JSON', async () => {
    const result = await weft(['plugins', 'list', '--json', '--plugins', acme]);
    expect(result.code, explain(result)).toBe(0);
    const { tools } = JSON.parse(result.stdout) as { tools: Array<Record<string, unknown>> };
    expect(tools.find((t) => t.id === 'acme-tools/running-total')).toEqual({
      id: 'acme-tools/running-total', name: 'Running Total', category: 'Transform', package: 'acme-tools', version: '1.2.0', source: 'loaded', parent: null,
    });
    for (const tool of tools) expect(Object.keys(tool).sort()).toEqual(['category', 'id', 'name', 'package', 'parent', 'source', 'version']);
  });

  it('installs, refuses a second install without --force, runs without --plugins, removes', async () => {
    const install = await weft(['plugins', 'install', acme]);
    expect(install.stderr).not.toMatch(/refused/);
    expect(install.code, explain(install)).toBe(0);
    expect(install.stdout).toMatch(/acme-tools/);
    const again = await weft(['plugins', 'install', acme]);
    expect(again.code, explain(again)).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect((await weft(['plugins', 'install', acme, '--force'])).code).toBe(0);

    const list = JSON.parse((await weft(['plugins', 'list', '--json'])).stdout) as { tools: Array<{ id: string; source: string }> };
    expect(list.tools.find((t) => t.id === 'acme-tools/generator')?.source).toBe('installed');

    const run = await weft(['run', path.join(workflows, 'total.weft.json'), '--json']);
    expect(run.code, explain(run)).toBe(0);

    const remove = await weft(['plugins', 'remove', 'acme-tools']);
    expect(remove.code, explain(remove)).toBe(0);
    const removeAgain = await weft(['plugins', 'remove', 'acme-tools']);
    expect(removeAgain.code, explain(removeAgain)).toBe(1);
    expect(removeAgain.stderr).toMatch(/acme-tools/);
  });

  it('refuses to install a folder that is not a plugin package (exit 1, one line)', async () => {
    const empty = fs.mkdtempSync(path.join(scratch, 'empty-'));
    const result = await weft(['plugins', 'install', empty]);
    expect(result.code, explain(result)).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('plugins new scaffolds a package into an empty folder and refuses a folder in use', async () => {
    const target = path.join(scratch, 'my-tools');
    const created = await weft(['plugins', 'new', 'my-tools', '--tool-type', 'single-input-single-output'], { INIT_CWD: scratch });
    expect(created.stderr).toBe('');
    expect(created.code, explain(created)).toBe(0);
    expect(created.stdout).toMatch(/Created the plugin package my-tools \(tool my-tools\/[a-z-]+\) in /);
    expect(created.stdout).not.toMatch(/my-tools\/my-tools\//);
    const manifest = JSON.parse(fs.readFileSync(path.join(target, 'weft-plugin.json'), 'utf8')) as { name: string; tools: unknown[] };
    expect(manifest.name).toBe('my-tools');
    expect(manifest.tools).toHaveLength(1);
    const again = await weft(['plugins', 'new', target, '--tool-type', 'input']);
    expect(again.code, explain(again)).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
  });
});
