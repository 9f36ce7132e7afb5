import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiReplyMessage, ServerMessage } from '../../shared/apiBridge.js';
import type { RunEvent, RunSummary } from '../../shared/runEvents.js';
import type { ToolDescriptor } from '../../shared/manifest.js';
import type { Workflow } from '../../shared/workflow.js';
import { projectRoot } from '../engine/compiledPath.js';
import { createEngineHost, type EngineHost } from '../engine/service/index.js';
import { startWebServer, type WebServer } from './webServer.js';

// The browser mode end to end below the UI: the real engine host behind the real server, driven
// over a WebSocket exactly as the renderer does.
let home: string;
let host: EngineHost;
let server: WebServer;

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-web-engine-'));
  host = await createEngineHost({
    dataDir: home,
    loadedPluginDirs: [path.join(projectRoot, 'e2e', 'fixtures', 'plugins', 'e2e-tools')],
  });
  server = await startWebServer({ port: 0, rendererDir: home, openSession: () => host.createSession(), log: () => undefined });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await host?.dispose();
  fs.rmSync(home, { recursive: true, force: true });
});

class Client {
  private nextId = 1;
  readonly events: RunEvent[] = [];
  private readonly waiting = new Map<number, (reply: ApiReplyMessage) => void>();

  constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      if ('event' in message) {
        if (message.event === 'runEvent') this.events.push(message.payload);
      } else if (message.id !== null) {
        this.waiting.get(message.id)?.(message);
      }
    });
  }

  static async connect(): Promise<Client> {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${server.token}`);
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
    return new Client(socket);
  }

  call<T>(method: string, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (reply) => {
        if (reply.result.ok) resolve(reply.result.value as T);
        else reject(new Error(reply.result.error.message));
      });
      this.socket.send(JSON.stringify({ id, method, args }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

const workflow = (config: Record<string, unknown>): Workflow => ({
  format: 'weft-workflow',
  version: 1,
  tools: [
    { id: 't1', plugin: 'e2e-tools/number-rows', config, position: { x: 0, y: 0 } },
    { id: 't2', plugin: 'weft/record-id', config: {}, position: { x: 200, y: 0 } },
  ],
  connections: [{ from: { tool: 't1', anchor: 'Output' }, to: { tool: 't2', anchor: 'Input' } }],
});

describe('browser mode over the real engine', () => {
  it('lists built-in and loaded tools', async () => {
    const client = await Client.connect();
    const tools = await client.call<ToolDescriptor[]>('listTools');
    const ids = tools.map((tool) => tool.id);
    expect(ids).toEqual(expect.arrayContaining(['weft/record-id', 'weft/sort', 'e2e-tools/number-rows']));
    client.close();
  });

  it('runs a workflow and streams its events to the connection that started it', async () => {
    const client = await Client.connect();
    const bystander = await Client.connect();
    const summary = await client.call<RunSummary>('runWorkflow', workflow({ count: 1234 }), null);
    expect(summary.status).toBe('ok');
    expect(summary.tools.t2.outputs.Output.records).toBe(1234);
    const types = client.events.map((event) => event.type);
    expect(types[0]).toBe('run-started');
    expect(types.at(-1)).toBe('run-finished');
    expect(client.events).toContainEqual(expect.objectContaining({ type: 'anchor-records', toolId: 't2', records: 1234 }));
    expect(bystander.events).toEqual([]);
    client.close();
    bystander.close();
  });

  it('cancels a long run from the same connection', async () => {
    const client = await Client.connect();
    const run = client.call<RunSummary>('runWorkflow', workflow({ count: 1_000_000, packetSize: 1000, delayMs: 50 }), null);
    await expect.poll(() => client.events.some((event) => event.type === 'tool-status' && event.status === 'running')).toBe(true);
    const started = Date.now();
    await client.call('cancelRun');
    const summary = await run;
    expect(summary.status).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(5000);
    client.close();
  });

  it('answers a workflow that names a missing plugin with a run error, and keeps serving', async () => {
    const client = await Client.connect();
    const broken: Workflow = { ...workflow({}), tools: [{ id: 'x', plugin: 'nobody/nothing', config: {}, position: { x: 0, y: 0 } }], connections: [] };
    const outcome = await client.call<RunSummary>('runWorkflow', broken, null).then(
      (summary) => summary.status,
      (error: Error) => error.message,
    );
    expect(outcome === 'error' || /nobody\/nothing/.test(outcome)).toBe(true);
    expect((await client.call<ToolDescriptor[]>('listTools')).length).toBeGreaterThan(0);
    client.close();
  });
});
