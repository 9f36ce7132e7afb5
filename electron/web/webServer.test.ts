import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiReplyMessage, ServerMessage } from '../../shared/apiBridge.js';
import type { RunEvent } from '../../shared/runEvents.js';
import type { DirectoryListing } from '../../shared/weftApi.js';
import type { ApiSession } from './apiConnection.js';
import { MAX_CONNECTIONS, MAX_MESSAGE_BYTES, startWebServer, type WebServer } from './webServer.js';

// The transport and its guards, checked over real sockets. The session here is a small recording
// WeftApi so each test can see exactly what reached the engine side (the engine itself is tested
// through electron/engine/service; webServer.engine.test.ts runs the real one over this server).
interface RecordingSession extends ApiSession {
  calls: [string, unknown[]][];
  disposed: boolean;
  emit(event: RunEvent): void;
}

function recordingSession(): RecordingSession {
  const listeners = new Set<(event: RunEvent) => void>();
  const session = {
    calls: [] as [string, unknown[]][],
    disposed: false,
    emit: (event: RunEvent) => { for (const listener of listeners) listener(event); },
    onRunEvent: (callback: (event: RunEvent) => void) => { listeners.add(callback); return () => listeners.delete(callback); },
    onPluginsChanged: () => () => undefined,
    dispose() { session.disposed = true; },
    async listDirectory(dir: string | null): Promise<DirectoryListing> {
      session.calls.push(['listDirectory', [dir]]);
      return { path: dir ?? '/home', parent: null, entries: [] };
    },
    async openWorkflow(file: string) {
      session.calls.push(['openWorkflow', [file]]);
      throw Object.assign(new Error('not a workflow file'), { file, path: 'format' });
    },
    async cancelRun() {
      session.calls.push(['cancelRun', []]);
      session.emit({ type: 'tool-progress', runId: 'r', toolId: '1', fraction: 1 });
    },
  };
  return session as unknown as RecordingSession;
}

let rendererDir: string;
let server: WebServer;
const sessions: RecordingSession[] = [];
const openSockets: WebSocket[] = [];

beforeAll(async () => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-web-'));
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Weft</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("weft")');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'secret');
  server = await startWebServer({
    port: 0,
    rendererDir,
    openSession: () => { const session = recordingSession(); sessions.push(session); return session; },
    log: () => undefined,
  });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

afterEach(() => {
  for (const socket of openSockets.splice(0)) socket.terminate();
});

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: string }

function get(pathAndQuery: string, headers: Record<string, string> = {}, host = '127.0.0.1'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host, port: server.port, path: pathAndQuery, headers: { Host: `127.0.0.1:${server.port}`, ...headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

function connect(query: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api${query}`, { headers });
    openSockets.push(socket);
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`refused with ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket): Promise<ServerMessage> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)) as ServerMessage)));
}

async function exchange(socket: WebSocket, text: string | Buffer): Promise<ServerMessage> {
  const reply = nextMessage(socket);
  socket.send(text);
  return reply;
}

const tokenQuery = () => `?token=${server.token}`;

describe('browser-mode server over HTTP', () => {
  it('prints its address with the token and listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    const external = Object.values(os.networkInterfaces()).flat()
      .find((address) => address && !address.internal && address.family === 'IPv4');
    if (external) await expect(get(`/${tokenQuery()}`, {}, external.address)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    const missing = await get('/');
    expect(missing.status).toBe(403);
    expect(missing.body).toContain('missing access token');
    expect(missing.body).not.toContain('Weft</title>');
    expect((await get('/assets/app.js?token=nope')).status).toBe(403);
    expect((await get('/assets/app.js', { Cookie: `weft_token_${server.port}=nope` })).status).toBe(403);
  });

  it('moves the token from the address into a cookie: a redirect to the address without it', async () => {
    const first = await get(`/?open=%2Fx.weft.json&${tokenQuery().slice(1)}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/?open=%2Fx.weft.json');
    expect(String(first.headers['set-cookie'])).toMatch(new RegExp(`^weft_token_${server.port}=${server.token}; Path=/; HttpOnly; SameSite=Strict`));
    const cookie = String(first.headers['set-cookie']).split(';')[0];
    expect((await get(first.headers.location!, { Cookie: cookie })).body).toContain('<title>Weft</title>');
  });

  it('serves the renderer with the cookie set by the token', async () => {
    const cookie = String((await get(`/${tokenQuery()}`)).headers['set-cookie']).split(';')[0];
    const page = await get('/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Weft</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await get('/assets/app.js', { Cookie: cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.body).toBe('console.log("weft")');
    // a path without an extension is the one-page app; a missing file is not
    expect((await get('/some/view', { Cookie: cookie })).body).toContain('<title>Weft</title>');
    expect((await get('/assets/missing.js', { Cookie: cookie })).status).toBe(404);
    expect((await get('/favicon.ico', { Cookie: cookie })).status).toBe(204);
  });

  it('refuses a foreign Origin and a foreign Host even with the token', async () => {
    const foreign = await get(`/${tokenQuery()}`, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('"http://evil.example" are not allowed');
    expect((await get(`/${tokenQuery()}`, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(303);
    expect((await get(`/${tokenQuery()}`, { Host: 'attacker.example:80' })).status).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/a%00.js', '/%E0%A4%A']) {
      const reply = await get(attempt, { Cookie: `weft_token_${server.port}=${server.token}` });
      expect(reply.status, attempt).toBeGreaterThanOrEqual(400);
      expect(reply.body, attempt).not.toContain('secret');
    }
  });

  it('answers only GET and HEAD', async () => {
    const reply = await new Promise<number>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port: server.port, path: `/${tokenQuery()}`, method: 'POST' }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end('x');
    });
    expect(reply).toBe(405);
  });
});

describe('browser-mode server over WebSocket', () => {
  it('refuses a connection without the token, with a wrong token or from a foreign Origin', async () => {
    await expect(connect('')).rejects.toThrow('refused with 403');
    await expect(connect('?token=wrong')).rejects.toThrow('refused with 403');
    await expect(connect(tokenQuery(), { Origin: 'http://evil.example' })).rejects.toThrow('refused with 403');
    await expect(connect('', { Cookie: `weft_token_${server.port}=${server.token}` })).rejects.toThrow('refused with 403');
  });

  it('accepts the cookie from a page of its own (Origin), caps connections and message size', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const cookie = `weft_token_${server.port}=${server.token}`;
    const sockets = [];
    for (let i = 0; i < MAX_CONNECTIONS; i++) sockets.push(await connect('', { Cookie: cookie, Origin: origin }));
    await expect(connect(tokenQuery())).rejects.toThrow('refused with 503');
    for (const socket of sockets) socket.terminate();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const socket = await connect(tokenQuery());
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x20).toString());
    expect(await closed).toBe(1009);
  });

  it('carries commands to a session of its own and pushes its events', async () => {
    const before = sessions.length;
    const socket = await connect(tokenQuery(), { Origin: `http://127.0.0.1:${server.port}` });
    const reply = await exchange(socket, JSON.stringify({ id: 7, method: 'listDirectory', args: ['/tmp'] }));
    expect(reply).toEqual({ id: 7, result: { ok: true, value: { path: '/tmp', parent: null, entries: [] } } });
    const session = sessions[before];
    expect(session.calls).toEqual([['listDirectory', ['/tmp']]]);

    const messages: ServerMessage[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data)) as ServerMessage));
    socket.send(JSON.stringify({ id: 8, method: 'cancelRun', args: [] }));
    await expect.poll(() => messages.length).toBe(2);
    expect(messages).toEqual([
      { event: 'runEvent', payload: { type: 'tool-progress', runId: 'r', toolId: '1', fraction: 1 } },
      { id: 8, result: { ok: true, value: null } },
    ]);

    const second = await connect(tokenQuery());
    expect(sessions.length).toBe(before + 2);
    expect(server.connectionCount()).toBe(2);
    second.close();
    await expect.poll(() => sessions[before + 1].disposed).toBe(true);
    expect(session.disposed).toBe(false);
  });

  it('answers junk with an error reply and keeps serving', async () => {
    const socket = await connect(tokenQuery());
    const session = sessions.at(-1)!;
    const junk: [string | Buffer, Partial<ApiReplyMessage>, string][] = [
      ['not json', { id: null }, 'invalid request: not JSON'],
      ['[1,2,3]', { id: null }, 'must be object'],
      ['{"id":1,"method":"rmrf","args":[]}', { id: 1 }, 'method must be equal to one of the allowed values'],
      ['{"id":2,"method":"listDirectory"}', { id: 2 }, "must have required property 'args'"],
      ['{"id":3,"method":"listDirectory","args":[42]}', { id: 3 }, 'invalid arguments for listDirectory: args[0]'],
      ['{"id":4,"method":"runWorkflow","args":[{"format":"weft-workflow","version":1,"tools":"x","connections":[]},null]}', { id: 4 }, 'args[0].tools must be array'],
      ['{"id":5,"method":"constructor","args":[]}', { id: 5 }, 'method must be equal to one of the allowed values'],
      [Buffer.from([1, 2, 3]), { id: null }, 'binary messages are not accepted'],
      ['null', { id: null }, 'must be object'],
    ];
    for (const [text, expected, message] of junk) {
      const reply = (await exchange(socket, text)) as ApiReplyMessage;
      expect(reply.id, String(text)).toBe(expected.id);
      expect(reply.result.ok, String(text)).toBe(false);
      if (!reply.result.ok) expect(reply.result.error.message, String(text)).toContain(message);
    }
    expect(session.calls).toEqual([]);
    const ok = await exchange(socket, JSON.stringify({ id: 9, method: 'listDirectory', args: [null] }));
    expect(ok).toMatchObject({ id: 9, result: { ok: true } });
  });

  it('turns an engine error into an error reply that keeps its place', async () => {
    const socket = await connect(tokenQuery());
    const reply = await exchange(socket, JSON.stringify({ id: 1, method: 'openWorkflow', args: ['/x.weft.json'] }));
    expect(reply).toEqual({
      id: 1,
      result: { ok: false, error: { message: 'not a workflow file', file: '/x.weft.json', path: 'format' } },
    });
  });

  it('answers a command the session lacks with an error, not a crash', async () => {
    const socket = await connect(tokenQuery());
    const reply = (await exchange(socket, JSON.stringify({ id: 1, method: 'listRuns', args: [] }))) as ApiReplyMessage;
    expect(reply.result.ok).toBe(false);
    const still = await exchange(socket, JSON.stringify({ id: 2, method: 'listDirectory', args: [null] }));
    expect(still).toMatchObject({ id: 2, result: { ok: true } });
  });
});

