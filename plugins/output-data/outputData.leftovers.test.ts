// Output Data's temporary file beside its target must not outlive a run: Cancel, --timeout and a
// failing upstream terminate its worker (no chance to clean up), and a kill -9 ends the process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../electron/engine/compiledPath.js';
import { createTestEngine, testWorkflow } from '../../electron/engine/testing/index.js';
import type { TestEngine } from '../../electron/engine/testing/index.js';

const fixtures = path.join(projectRoot, 'electron', 'engine', 'runtime', 'fixtures', 'lifecycle-tools');
const dir = mkdtempSync(path.join(tmpdir(), 'weft-leftovers-'));
let engine: TestEngine;
beforeAll(async () => { engine = await createTestEngine({ pluginDirs: [fixtures] }); });
afterAll(async () => {
  await engine.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const KEPT = 'x\n1\n';
const temps = (target = '') => readdirSync(dir).filter((f) => f.startsWith(`.${target}`) && f.endsWith('.weft-tmp'));
/** an upstream that opens its output and then never completes: Output Data's temp file exists meanwhile */
const hanging = (target: string) => testWorkflow({
  t1: { plugin: 'lt/faulty', config: { phase: 'onComplete', how: 'hang' } },
  t2: { plugin: 'weft/output-data', config: { path: target } },
}, [['t1.Output', 't2.Input']]);

/** waits for the target's temp file (a loaded machine may take many seconds to start a `weft` process) */
async function whenTempAppears(target: string): Promise<void> {
  for (let i = 0; i < 2400 && temps(target).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  expect(temps(target)).toHaveLength(1);
}

describe('output-data leaves no temporary file behind', () => {
  it('after Cancel', async () => {
    writeFileSync(path.join(dir, 'cancel.csv'), KEPT);
    const cancel = new AbortController();
    const run = engine.run(hanging('cancel.csv'), { workflowDir: dir, signal: cancel.signal });
    await whenTempAppears('cancel.csv');
    cancel.abort();
    expect((await run).summary.status).toBe('cancelled');
    expect(temps()).toEqual([]);
    expect(readFileSync(path.join(dir, 'cancel.csv'), 'utf8')).toBe(KEPT);
  });

  it('after a timeout', async () => {
    const { summary } = await engine.run(hanging('timeout.csv'), { workflowDir: dir, timeoutMs: 2500 });
    expect(summary.tools.t1.messages.map((m) => m.text).join()).toContain('timeout');
    expect(summary.tools.t2.status).toBe('cancelled');
    expect(temps()).toEqual([]);
    expect(existsSync(path.join(dir, 'timeout.csv'))).toBe(false);
  });

  it('after a kill -9, the next write to the target removes the stale one', { timeout: 120_000 }, async () => {
    const workflow = path.join(dir, 'killed.weft.json');
    writeFileSync(workflow, JSON.stringify(hanging('killed.csv')));
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'weft.mjs'), 'run', workflow, '--plugins', fixtures], {
      env: { ...process.env, WEFT_HOME: path.join(dir, 'home') }, stdio: 'ignore',
    });
    await whenTempAppears('killed.csv');
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(temps()).toHaveLength(1);

    writeFileSync(path.join(dir, 'in.csv'), 'x\n2\n');
    const rewrite = testWorkflow({
      t1: { plugin: 'weft/input-data', config: { path: 'in.csv' } },
      t2: { plugin: 'weft/output-data', config: { path: 'killed.csv' } },
    }, [['t1.Output', 't2.Input']]);
    const { summary } = await engine.run(rewrite, { workflowDir: dir });
    expect(summary.status).toBe('ok');
    expect(summary.tools.t2.messages.map((m) => m.text)).toContain('removed 1 temporary file(s) of killed.csv left by an interrupted run');
    expect(temps()).toEqual([]);
    expect(readFileSync(path.join(dir, 'killed.csv'), 'utf8')).toBe('x\n2\n');
  });

  it('a temp file of a process that is still running is left alone', async () => {
    const live = path.join(dir, `.busy.csv.${process.ppid}-0badc0de.weft-tmp`);
    writeFileSync(live, 'partial');
    writeFileSync(path.join(dir, 'in.csv'), 'x\n3\n');
    const wf = testWorkflow({
      t1: { plugin: 'weft/input-data', config: { path: 'in.csv' } },
      t2: { plugin: 'weft/output-data', config: { path: 'busy.csv' } },
    }, [['t1.Output', 't2.Input']]);
    expect((await engine.run(wf, { workflowDir: dir })).summary.status).toBe('ok');
    expect(existsSync(live)).toBe(true);
    rmSync(live);
  });

  it('"fail" mode: a file created while the run writes is not replaced', { timeout: 90_000 }, async () => {
    const wf = testWorkflow({
      t1: { plugin: 'lt/faulty', config: { phase: 'onComplete', how: 'sleep', ms: 4000 } },
      t2: { plugin: 'weft/output-data', config: { path: 'late.csv', ifExists: 'fail' } },
    }, [['t1.Output', 't2.Input']]);
    const run = engine.run(wf, { workflowDir: dir });
    await whenTempAppears('late.csv');
    writeFileSync(path.join(dir, 'late.csv'), 'someone else\n');
    const { summary } = await run;
    expect(summary.tools.t2.messages.map((m) => m.text).join()).toContain('late.csv already exists and "If the file exists" is "fail"');
    expect(readFileSync(path.join(dir, 'late.csv'), 'utf8')).toBe('someone else\n');
    expect(temps()).toEqual([]);
  });
});
