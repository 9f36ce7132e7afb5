import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distRoot } from '../compiledPath.js';
import { loadWorkflowFile, saveWorkflowFile, WorkflowFileError } from './workflowFileStore.js';
import { writeFileAtomic } from './atomicWrite.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-wf-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const workflow = {
  format: 'weft-workflow', version: 1, extra: { kept: true },
  tools: [{ id: 'a', plugin: 'x/y', config: { n: 1 }, position: { x: 1, y: 2 } }],
  connections: [],
};

describe('workflow files on disk', () => {
  it('saves and loads back the same workflow, leaving no temporary file', async () => {
    const file = path.join(dir, 'flow.weft.json');
    await saveWorkflowFile(file, workflow);
    expect(fs.readdirSync(dir)).toEqual(['flow.weft.json']);
    const loaded = await loadWorkflowFile(file, () => undefined);
    expect(loaded).toMatchObject({ ok: true, path: file, missingPlugins: ['x/y'] });
    if (loaded.ok) expect(loaded.workflow).toEqual(workflow);
  });

  it('names the file when it is missing or invalid', async () => {
    const missing = await loadWorkflowFile(path.join(dir, 'nope.weft.json'));
    expect(missing).toMatchObject({ ok: false, errors: [{ file: path.join(dir, 'nope.weft.json'), message: 'no such file' }] });
    const bad = path.join(dir, 'bad.weft.json');
    fs.writeFileSync(bad, '{"format": "weft-workflow",');
    const result = await loadWorkflowFile(bad);
    expect(result).toMatchObject({ ok: false, errors: [{ file: bad }] });
    const folder = await loadWorkflowFile(dir);
    expect(folder).toMatchObject({ ok: false, errors: [{ message: 'is a folder, not a workflow file' }] });
  });

  it('refuses to save an invalid workflow and keeps the old file', async () => {
    const file = path.join(dir, 'flow.weft.json');
    await saveWorkflowFile(file, workflow);
    const before = fs.readFileSync(file, 'utf8');
    const broken = { ...workflow, tools: [workflow.tools[0], workflow.tools[0]] };
    await expect(saveWorkflowFile(file, broken)).rejects.toThrow(WorkflowFileError);
    await expect(saveWorkflowFile(file, broken)).rejects.toThrow(/duplicate tool id "a"/);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('keeps the permissions of the file it replaces, and saves through a symlink to its target', async () => {
    const real = path.join(dir, 'real.weft.json');
    await saveWorkflowFile(real, workflow);
    fs.chmodSync(real, 0o600);
    const link = path.join(dir, 'link.weft.json');
    fs.symlinkSync(real, link);
    await saveWorkflowFile(link, { ...workflow, extra: { kept: false } });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.statSync(real).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(real, 'utf8')).extra).toEqual({ kept: false });
  });

  it('removes its temporary file when the rename fails', async () => {
    const target = path.join(dir, 'occupied');
    fs.mkdirSync(path.join(target, 'child'), { recursive: true });
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['occupied']);
  });

  it('a process killed while saving leaves the old content or the new, never a torn file', async () => {
    const file = path.join(dir, 'big.weft.json');
    const versions = ['A', 'B'].map((letter) => JSON.stringify({ v: letter, pad: letter.repeat(4_000_000) }));
    fs.writeFileSync(file, versions[0]!);
    const module = path.join(distRoot, 'electron/engine/workflowFiles/atomicWrite.js');
    const script = `
      const { writeFileAtomic } = await import(${JSON.stringify(module)});
      const pads = ['A', 'B'].map((l) => l.repeat(4_000_000));
      process.stdout.write('ready\\n');
      for (let i = 1; ; i++) await writeFileAtomic(${JSON.stringify(file)}, JSON.stringify({ v: 'AB'[i % 2], pad: pads[i % 2] }));
    `;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 60 + attempt * 37));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const content = fs.readFileSync(file, 'utf8');
      expect(versions).toContain(content);
    }
    // a killed save may leave its temporary file behind, but never in place of the target
    for (const name of fs.readdirSync(dir)) expect(name === 'big.weft.json' || name.endsWith('.tmp')).toBe(true);
  });
});
