import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { ApiRequestMessage, ServerMessage } from '../../shared/apiBridge.js';
import type { RunEvent } from '../../shared/runEvents.js';
import { createWebSocketApi, type WebSocketApi } from './webSocketApi.js';
import { WeftApiError } from './weftApiError.js';

// A real WebSocket server speaking the browser-mode protocol by hand, so the client is checked
// against the wire format rather than against the server module.
let server: WebSocketServer | undefined;
let client: WebSocketApi | undefined;

afterEach(async () => {
  client?.close();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  client = undefined;
  server = undefined;
});

async function startServer(onRequest: (socket: WebSocket, request: ApiRequestMessage) => void): Promise<string> {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((resolve) => server!.once('listening', resolve));
  server.on('connection', (socket) => {
    socket.on('message', (data) => onRequest(socket, JSON.parse(String(data)) as ApiRequestMessage));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('unexpected address');
  return `ws://127.0.0.1:${address.port}/api`;
}

const reply = (socket: WebSocket, message: ServerMessage) => socket.send(JSON.stringify(message));

describe('createWebSocketApi', () => {
  it('sends method and arguments, resolves with the value and rejects with the placed error', async () => {
    const seen: ApiRequestMessage[] = [];
    const url = await startServer((socket, request) => {
      seen.push(request);
      if (request.method === 'listDirectory') {
        reply(socket, { id: request.id, result: { ok: true, value: { path: '/x', parent: null, entries: [] } } });
      } else {
        reply(socket, { id: request.id, result: { ok: false, error: { message: 'no such file', file: '/y.weft.json' } } });
      }
    });
    client = createWebSocketApi(url, (address) => new WebSocket(address));
    await expect(client.listDirectory(null)).resolves.toEqual({ path: '/x', parent: null, entries: [] });
    const failure = await client.openWorkflow('/y.weft.json').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WeftApiError);
    expect((failure as WeftApiError).placed).toEqual({ message: 'no such file', file: '/y.weft.json' });
    expect((failure as WeftApiError).message).toBe('/y.weft.json: no such file');
    expect(seen.map((request) => [request.method, request.args])).toEqual([
      ['listDirectory', [null]],
      ['openWorkflow', ['/y.weft.json']],
    ]);
  });

  it('delivers pushed run events to subscribers until they unsubscribe', async () => {
    const event: RunEvent = { type: 'tool-progress', runId: 'r1', toolId: '1', fraction: 0.5 };
    const url = await startServer((socket, request) => {
      reply(socket, { event: 'runEvent', payload: event });
      reply(socket, { id: request.id, result: { ok: true, value: undefined } });
    });
    client = createWebSocketApi(url, (address) => new WebSocket(address));
    const received: RunEvent[] = [];
    const unsubscribe = client.onRunEvent((e) => received.push(e));
    await client.cancelRun();
    expect(received).toEqual([event]);
    unsubscribe();
    await client.cancelRun();
    expect(received).toHaveLength(1);
  });

  it('rejects pending commands when the server goes away, then reconnects', async () => {
    let connections = 0;
    const url = await startServer((socket, request) => {
      if (request.method === 'runWorkflow') socket.terminate();
      else reply(socket, { id: request.id, result: { ok: true, value: [] } });
    });
    server!.on('connection', () => { connections += 1; });
    client = createWebSocketApi(url, (address) => new WebSocket(address), 20);
    const states: string[] = [];
    client.onConnectionChange((state) => states.push(state));
    const run = client.runWorkflow({ format: 'weft-workflow', version: 1, tools: [], connections: [] }, null);
    await expect(run).rejects.toThrow('the connection to the Weft server closed');
    await expect(client.listTools()).resolves.toEqual([]);
    expect(connections).toBe(2);
    expect(states).toContain('closed');
    expect(states.at(-1)).toBe('open');
  });
});
