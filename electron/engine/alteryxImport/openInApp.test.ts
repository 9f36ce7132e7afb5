// Open of a .yxmd through the engine service the app's main process and the browser mode use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHost, type EngineHost } from '../service/engineHost.js';
import { FIXTURES } from './importTestkit.js';

let dataDir: string;
let folder: string;
let host: EngineHost;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-open-yxmd-home-'));
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-open-yxmd-'));
  for (const name of ['unsupported-tools.yxmd', 'sales-pipeline.yxmd', 'orders.csv']) fs.copyFileSync(path.join(FIXTURES, name), path.join(folder, name));
  host = await createEngineHost({ dataDir });
});
afterAll(async () => {
  await host.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('opening an Alteryx workflow in the app', () => {
  it('converts it, reports, and leaves writing the .weft.json beside it to Save', async () => {
    const session = host.createSession();
    const opened = await session.openWorkflow(path.join(folder, 'unsupported-tools.yxmd'));
    const target = path.join(folder, 'unsupported-tools.weft.json');
    expect(opened.path).toBe(target);
    expect(opened.missingPlugins).toEqual(['alteryx/fuzzy-match', 'alteryx/macro-scoring']);
    expect(opened.importReport).toMatchObject({ status: 'partial', output: target });
    expect(opened.importReport!.tools.map((t) => t.status)).toEqual(['converted', 'unsupported', 'unsupported', 'converted']);
    expect(fs.existsSync(target)).toBe(false);
    await session.saveWorkflow(opened.path, opened.workflow);
    const reopened = await session.openWorkflow(target);
    expect(reopened.workflow).toEqual(opened.workflow);
    expect(reopened.importReport).toBeUndefined();
  });

  it('runs an opened workflow like any other', async () => {
    const session = host.createSession();
    const opened = await session.openWorkflow(path.join(folder, 'sales-pipeline.yxmd'));
    expect(opened.importReport?.status).toBe('ok');
    const summary = await session.runWorkflow(opened.workflow, opened.path);
    expect(summary.status).toBe('ok');
    expect(summary.tools['8']!.outputs.Output!.records).toBe(3);
  });
});
