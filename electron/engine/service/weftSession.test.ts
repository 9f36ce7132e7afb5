// The engine service as Electron main and the browser mode use it: a real registry, real stores,
// the real runner with worker threads, real files. The plugin folder is the command's fixture.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeVector, Table, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../shared/runEvents.js';
import type { PluginChange } from '../../../shared/weftApi.js';
import type { Workflow } from '../../../shared/workflow.js';
import { projectRoot } from '../compiledPath.js';
import { createEngineHost, type EngineHost } from './engineHost.js';
import type { WeftSession } from './weftSession.js';

const fixtures = path.join(projectRoot, 'electron', 'cli', 'fixtures');
const acme = path.join(fixtures, 'acme-tools');
const readWorkflow = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, 'workflows', name), 'utf8')) as Workflow;

let dataDir: string;
let scratch: string;
let host: EngineHost;
let session: WeftSession;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-service-home-'));
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-service-files-'));
  host = await createEngineHost({ dataDir, loadedPluginDirs: [acme] });
  session = host.createSession();
});
afterAll(async () => {
  await host.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('WeftSession', () => {
  it('lists built-in and loaded tools', async () => {
    const tools = await session.listTools();
    expect(tools.find((t) => t.id === 'acme-tools/running-total')).toMatchObject({ source: 'loaded', inputs: [{ name: 'Input' }] });
  });

  it('opens and saves workflow files, keeping missing-plugin tools', async () => {
    const opened = await session.openWorkflow(path.join(fixtures, 'workflows', 'total.weft.json'));
    expect(opened.missingPlugins).toEqual([]);
    const withMissing = { ...opened.workflow, tools: [...opened.workflow.tools, { id: 'm', plugin: 'gone/tool', config: { a: 1 }, position: { x: 1, y: 1 }, extra: [1] }] };
    const file = path.join(scratch, 'saved.weft.json');
    await session.saveWorkflow(file, withMissing);
    const reopened = await session.openWorkflow(file);
    expect(reopened).toEqual({ path: file, workflow: withMissing, missingPlugins: ['gone/tool'] });
    await expect(session.openWorkflow(path.join(scratch, 'nope.weft.json'))).rejects.toThrow(/nope\.weft\.json: no such file/);
    const doubled = { ...opened.workflow, connections: [...opened.workflow.connections, { from: { tool: 'sum', anchor: 'Output' }, to: { tool: 'sum', anchor: 'Input' } }] };
    await expect(session.saveWorkflow(file, doubled)).rejects.toThrow(/connections\[1\]\.to: input anchor "Input" of tool "sum" takes one connection/);
    expect((await session.openWorkflow(file)).workflow).toEqual(withMissing);
  });

  it('rejects junk arguments with a clear message and keeps working', async () => {
    const junk: Array<[string, () => Promise<unknown>]> = [
      ['openWorkflow', () => session.openWorkflow(42 as unknown as string)],
      ['saveWorkflow', () => session.saveWorkflow('', {} as Workflow)],
      ['saveWorkflow', () => session.saveWorkflow(path.join(scratch, 'x.weft.json'), null as unknown as Workflow)],
      ['runWorkflow', () => session.runWorkflow('nope' as unknown as Workflow, null)],
      ['runWorkflow', () => session.runWorkflow(readWorkflow('total.weft.json'), 7 as unknown as string)],
      ['updateOnly', () => session.updateOnly({ format: 'weft-workflow', version: 1, tools: 3 } as unknown as Workflow, null)],
      ['browseRows', () => session.browseRows('r', 't', 'a', -1, 10)],
      ['browseRows', () => session.browseRows('../../etc', 't', 'a', 0, 10)],
      ['browseRows', () => session.browseRows('r', 't', 'a', 0, 1.5)],
      ['cleanRuns', () => session.cleanRuns(Number.NaN)],
      ['installPlugin', () => session.installPlugin(acme, 'yes' as unknown as boolean)],
      ['removePlugin', () => session.removePlugin({} as unknown as string)],
      ['loadPluginFolder', () => session.loadPluginFolder(undefined as unknown as string)],
      ['saveAsTool', () => session.saveAsTool(null as never)],
      ['removeVirtualTool', () => session.removeVirtualTool('')],
      ['listDirectory', () => session.listDirectory(5 as unknown as string)],
    ];
    for (const [method, call] of junk) await expect(call(), method).rejects.toThrow(new RegExp(`^${method}: `));
    expect(() => session.onRunEvent('x' as never)).toThrow(/onRunEvent: callback must be a function/);
    expect((await session.listTools()).length).toBeGreaterThan(0);
  });

  it('runs a workflow, streams its events to subscribers and records it in the run history', async () => {
    const events: RunEvent[] = [];
    const unsubscribe = session.onRunEvent((event) => events.push(event));
    const workflowPath = path.join(fixtures, 'workflows', 'total.weft.json');
    const summary = await session.runWorkflow(readWorkflow('total.weft.json'), workflowPath);
    unsubscribe();
    expect(summary.status).toBe('ok');
    expect(summary.tools.sum!.outputs.Output!.records).toBe(5);
    expect(events[0]).toMatchObject({ type: 'run-started', runId: summary.runId, mode: 'full' });
    expect(events.at(-1)).toMatchObject({ type: 'run-finished', runId: summary.runId, status: 'ok' });
    const runs = await session.listRuns();
    expect(runs.find((r) => r.runId === summary.runId)).toMatchObject({ status: 'ok', workflowPath, durationMs: summary.durationMs });
    // the history keeps each tool's outcome, so the app can open a past run with its counts
    const recorded = runs.find((r) => r.runId === summary.runId)!;
    expect(recorded.tools?.sum?.outputs.Output?.records).toBe(5);
    expect(recorded.tools?.sum?.durationMs).toBeGreaterThanOrEqual(0);
    expect(summary.tools.sum!.durationMs).toBe(recorded.tools?.sum?.durationMs);
  });

  it('cancels a full run quickly', async () => {
    const running = session.runWorkflow(readWorkflow('hang.weft.json'), null);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const started = Date.now();
    await session.cancelRun();
    const summary = await running;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(summary.status).not.toBe('ok');
    expect(summary.tools.stuck!.status).not.toBe('ok');
  });

  it('update-only: a newer call supersedes the older one, and neither blocks a full run', async () => {
    const workflow = readWorkflow('total.weft.json');
    const first = session.updateOnly(workflow, null);
    const second = session.updateOnly(workflow, null);
    const full = session.runWorkflow(workflow, null);
    const [a, b, c] = await Promise.all([first, second, full]);
    expect(b.status).toBe('ok');
    expect(b.mode).toBe('update');
    expect(b.tools.sum!.outputs.Output!.metadata.fields.map((f) => f.name)).toEqual(['n', 'amount', 'total']);
    expect(['ok', 'cancelled']).toContain(a.status);
    expect(c.status).toBe('ok');
  });

  it('pages through a browse result of a run', async () => {
    const runId = 'browse-test-run';
    const table = new Table({ n: makeVector(BigInt64Array.from([1n, 2n, 3n])) });
    await host.services.results.store(runId, 'b1', 'browse-b1.arrow', tableToIPC(table, 'file'));
    expect(await session.browseRows(runId, 'b1', 'Input', 1, 5)).toEqual({ rows: [{ n: '2' }, { n: '3' }], offset: 1, total: 3 });
    await expect(session.browseRows(runId, 'other', 'Input', 0, 5)).rejects.toThrow(/no browse result for tool "other"/);
  });

  it('lists folders for the in-app file dialog', async () => {
    fs.mkdirSync(path.join(scratch, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'a.weft.json'), '{}');
    const listing = await session.listDirectory(scratch);
    expect(listing.path).toBe(scratch);
    expect(listing.parent).toBe(path.dirname(scratch));
    expect(listing.entries[0]).toEqual({ name: 'sub', path: path.join(scratch, 'sub'), kind: 'directory' });
    expect(listing.entries.some((e) => e.name === 'a.weft.json' && e.kind === 'file')).toBe(true);
    expect((await session.listDirectory(null)).path).toBe(os.homedir());
    expect((await session.listDirectory('/')).parent).toBeNull();
    await expect(session.listDirectory(path.join(scratch, 'missing'))).rejects.toThrow(/no such folder/);
  });

  it('lists the example workflows that ship with Weft, with their place and size', async () => {
    const examples = await session.listExamples();
    const sales = examples.find((example) => example.name === 'Sales');
    expect(sales?.path).toBe(path.join(projectRoot, 'examples', 'sales.weft.json'));
    expect(sales?.description).toMatch(/^\d+ tools$/);
  });

  it('pushes plugin changes and removes virtual tools only', async () => {
    const changes: PluginChange[] = [];
    const other = host.createSession();
    other.onPluginsChanged((change) => changes.push(change));
    const copy = path.join(scratch, 'acme-copy');
    fs.cpSync(acme, copy, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'weft-plugin.json'), 'utf8')) as { name: string };
    manifest.name = 'acme-copy';
    fs.writeFileSync(path.join(copy, 'weft-plugin.json'), JSON.stringify(manifest));
    await other.loadPluginFolder(copy);
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'loaded', package: 'acme-copy' }));
    await expect(other.removeVirtualTool('acme-copy/generator')).rejects.toThrow(/not a virtual tool/);
    other.dispose();
    await expect(other.listTools()).rejects.toThrow(/listTools: this session was closed/);
  });

  it('saves a configured built-in tool as a virtual tool through weft/save-as-tool, then removes it', async () => {
    const changes: PluginChange[] = [];
    const unsubscribe = session.onPluginsChanged((change) => changes.push(change));
    const tool = await session.saveAsTool({
      id: 'first-two', name: 'First two', category: 'Macros',
      tools: [{ id: 's', plugin: 'weft/sample', config: {}, position: { x: 0, y: 0 } }], connections: [],
    });
    expect(tool).toMatchObject({ id: 'weft/first-two', name: 'First two', source: 'virtual', parent: 'weft/save-as-tool' });
    expect((await session.listTools()).some((t) => t.id === 'weft/first-two')).toBe(true);
    expect(changes.some((c) => c.toolIds.includes('weft/first-two') || c.toolIds.includes('first-two'))).toBe(true);
    await session.removeVirtualTool('weft/first-two');
    expect((await session.listTools()).some((t) => t.id === 'weft/first-two')).toBe(false);
    await expect(session.removeVirtualTool('weft/first-two')).rejects.toThrow(/no tool "weft\/first-two"/);
    await expect(session.saveAsTool({ id: 'nothing', name: 'Nothing', tools: [], connections: [] })).rejects.toThrow(/^saveAsTool: /);
    unsubscribe();
  });

  it('pages through what the built-in browse tool stored in a real run', async () => {
    const workflow: Workflow = {
      format: 'weft-workflow', version: 1,
      tools: [
        { id: 'in', plugin: 'weft/text-input', position: { x: 0, y: 0 }, config: {
          fields: [{ name: 'id', type: 'int64' }, { name: 'name', type: 'v_wstring' }],
          rows: Array.from({ length: 30 }, (_, i) => [String(9_007_199_254_740_993n + BigInt(i)), `row ${i}`]),
        } },
        { id: 'look', plugin: 'weft/browse', config: {}, position: { x: 200, y: 0 } },
      ],
      connections: [{ from: { tool: 'in', anchor: 'Output' }, to: { tool: 'look', anchor: 'Input' } }],
    };
    const summary = await session.runWorkflow(workflow, null);
    expect(summary.status).toBe('ok');
    expect(summary.tools.look!.results.some((r) => r.endsWith('browse-look.arrow'))).toBe(true);
    const page = await session.browseRows(summary.runId, 'look', 'Input', 28, 10);
    expect(page).toEqual({ offset: 28, total: 30, rows: [{ id: '9007199254741021', name: 'row 28' }, { id: '9007199254741022', name: 'row 29' }] });
  });
});
