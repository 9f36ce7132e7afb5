// `weft import` as a user runs it (node bin/weft.mjs in a subprocess) and its command line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../engine/compiledPath.js';
import { parseCommandLine, UsageError } from './commandLine.js';

const bin = path.join(projectRoot, 'bin', 'weft.mjs');
const fixtures = path.join(projectRoot, 'electron', 'engine', 'alteryxImport', 'fixtures');
vi.setConfig({ testTimeout: 90_000 });

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-import-cli-'));
  for (const name of ['sales-pipeline.yxmd', 'orders.csv', 'unsupported-tools.yxmd']) fs.copyFileSync(path.join(fixtures, name), path.join(scratch, name));
  fs.writeFileSync(path.join(scratch, 'not-alteryx.yxmd'), '<?xml version="1.0"?><Workbook><Sheet/></Workbook>');
  fs.writeFileSync(path.join(scratch, 'broken.yxmd'), '<AlteryxDocument><Nodes></AlteryxDocument>');
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function weft(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { INIT_CWD: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, [bin, ...args], { cwd: scratch, env: { ...env, WEFT_HOME: path.join(scratch, 'home'), NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('weft import', () => {
  it('writes FILE.weft.json beside the .yxmd and exits 0 when every tool converted', async () => {
    const { code, stdout } = await weft(['import', 'sales-pipeline.yxmd']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^5 +weft\/join +converted +\(AlteryxBasePluginsGui\.Join\.Join\)$/m);
    expect(stdout).toContain(`Wrote ${path.join(scratch, 'sales-pipeline.weft.json')}: 10 converted, 0 approximated, 0 unsupported`);
    const written = JSON.parse(fs.readFileSync(path.join(scratch, 'sales-pipeline.weft.json'), 'utf8')) as { tools: Array<{ id: string }> };
    expect(written.tools.map((t) => t.id)).toContain('10');
  });

  it('prints the report with --json, writes to -o, and exits 1 when tools are unsupported', async () => {
    const { code, stdout } = await weft(['import', 'unsupported-tools.yxmd', '-o', 'out/flow.weft.json', '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ status: 'partial', output: path.join(scratch, 'out', 'flow.weft.json') });
    expect(report.tools).toContainEqual({
      toolId: '2', alteryx: 'AlteryxBasePluginsGui.FuzzyMatch.FuzzyMatch', weft: 'alteryx/fuzzy-match', status: 'unsupported',
      notes: ['the Alteryx tool AlteryxBasePluginsGui.FuzzyMatch.FuzzyMatch has no Weft converter'],
    });
    expect(fs.existsSync(path.join(scratch, 'out', 'flow.weft.json'))).toBe(true);
  });

  it('exits 2 for a file that is not an Alteryx workflow, is not XML, or does not exist', async () => {
    const notAlteryx = await weft(['import', 'not-alteryx.yxmd', '--json']);
    expect(notAlteryx.code).toBe(2);
    expect(JSON.parse(notAlteryx.stdout)).toMatchObject({ status: 'failed', output: null, tools: [] });
    expect(notAlteryx.stderr).toContain('not an Alteryx workflow: the root element is <Workbook>');
    const broken = await weft(['import', 'broken.yxmd']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.yxmd: not well-formed XML at line 1/);
    const missing = await weft(['import', 'nope.yxmd']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yxmd: no such file');
  });
});

describe('the import command line', () => {
  it('takes FILE, -o/--output and --json, relative to the folder it ran in', () => {
    expect(parseCommandLine(['import', 'a.yxmd'], '/w')).toEqual({ kind: 'import', file: '/w/a.yxmd', output: null, json: false, verbose: false });
    expect(parseCommandLine(['import', 'a.yxmd', '-o', 'b/c.weft.json', '--json'], '/w')).toMatchObject({ output: '/w/b/c.weft.json', json: true });
    expect(parseCommandLine(['import', '--output=/x.weft.json', 'a.yxmd'], '/w')).toMatchObject({ output: '/x.weft.json' });
    expect(() => parseCommandLine(['import'], '/w')).toThrow(UsageError);
    expect(() => parseCommandLine(['import', 'a.yxmd', 'b.yxmd'], '/w')).toThrow(/unexpected argument "b.yxmd"/);
    expect(() => parseCommandLine(['import', 'a.yxmd', '--bogus'], '/w')).toThrow(UsageError);
  });
});
