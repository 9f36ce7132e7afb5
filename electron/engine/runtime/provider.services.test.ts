import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, testWorkflow, type TestEngine } from '../testing/index.js';

let engine: TestEngine;
let pluginDir: string;

beforeAll(async () => {
  // a copy outside the repository: no package.json anywhere above it says "type": "module"
  pluginDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-svc-plugin-'));
  fs.cpSync(path.join(import.meta.dirname, 'fixtures', 'service-tools'), pluginDir, { recursive: true });
  engine = await createTestEngine({ pluginDirs: [pluginDir] });
});
afterAll(async () => {
  await engine?.dispose();
  fs.rmSync(pluginDir, { recursive: true, force: true });
});

describe('the provider in the worker', () => {
  it('loads a .js entry as ESM without package.json, and serves state, blobs, results, virtual plugins and environment', async () => {
    const workflowDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-wf-'));
    const { summary, previews, events } = await engine.run(
      testWorkflow({ k: { plugin: 'svc/keeper', config: { greeting: 'hi' } } }), { workflowDir, runId: 'run-42' },
    );
    expect(summary.tools.k.messages).toEqual([]);
    expect(summary.status).toBe('ok');
    const row = previews['k.Output'][0];
    expect(JSON.parse(row.state as string)).toEqual({ text: 'hi', at: [1, 2] });
    expect(row.keys).toBe('greeting');
    expect(row.blob).toBe('Uint8Array[7,8,9] héllo original=3');
    expect(row.blobs).toBe('doc,text');
    expect(row.raw).toBe(Buffer.from([7, 8, 9]).toString('base64'));
    expect(row.env).toBe(`false ${workflowDir} run-42 1.0.0 test k`);
    expect(row.virtual).toBe('svc/keeper preset preset null');
    expect(row.tempDirExists).toBe(true);
    expect(fs.existsSync(row.tempDir as string)).toBe(false); // removed after the run
    const resultPath = row.result as string;
    expect(fs.readFileSync(resultPath, 'utf8')).toBe('greeting hi');
    expect(summary.tools.k.results).toEqual([resultPath]);
    expect(events).toContainEqual({ type: 'result-stored', runId: 'run-42', toolId: 'k', path: resultPath });
    expect(await engine.registry.services.state.get('svc', 'greeting')).toEqual({ text: 'hi', at: [1, 2] });
    expect(engine.registry.resolve('svc/preset')?.virtualPlugin?.data).toEqual({ factor: 3 });
    // a virtual tool runs its parent's class, with provider.virtualPlugin set to the record
    const virtualRun = await engine.run(testWorkflow({ v: { plugin: 'svc/preset' } }));
    expect(virtualRun.summary.status).toBe('ok');
    expect(virtualRun.previews['v.Output'][0].virtual).toBe('svc/keeper preset preset preset:{"factor":3}');
  });
});
