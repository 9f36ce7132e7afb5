// The browser-mode server as a process (`dist/electron/web/main.js`), against paths that used to
// hang it: openWorkflow on FIFOs held Node's four file-I/O threads, after which every session's
// file calls and the shutdown on SIGTERM hung for good.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiReplyMessage, ServerMessage } from '../../shared/apiBridge.js';
import { distRoot } from '../engine/compiledPath.js';

let dir: string;
let child: ChildProcess;
let address: URL;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-web-process-'));
  fs.mkdirSync(path.join(dir, 'home'));
  child = spawn(process.execPath, [path.join(distRoot, 'electron', 'web', 'main.js'), '--port', '0', '--renderer', dir], {
    env: { ...process.env, WEFT_HOME: path.join(dir, 'home') }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  address = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += String(chunk);
      const match = /running at (\S+)/.exec(out);
      if (match) resolve(new URL(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
}, 60_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function connect(): Promise<(method: string, ...args: unknown[]) => Promise<ApiReplyMessage['result']>> {
  const socket = new WebSocket(`ws://${address.host}/api?${address.searchParams.toString()}`);
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  const waiting = new Map<number, (reply: ApiReplyMessage) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    if (!('event' in message) && message.id !== null) waiting.get(message.id)?.(message);
  });
  let next = 1;
  return (method, ...args) => new Promise((resolve) => {
    const id = next++;
    waiting.set(id, (reply) => resolve(reply.result));
    socket.send(JSON.stringify({ id, method, args }));
  });
}

describe('browser mode: hostile paths', () => {
  it('openWorkflow on six FIFOs fails at once; other sessions keep working; SIGTERM stops the server', async () => {
    const call = await connect();
    const pipes = Array.from({ length: 6 }, (_, i) => path.join(dir, `pipe${i}.weft.json`));
    for (const pipe of pipes) execFileSync('mkfifo', [pipe]);
    const replies = await Promise.all(pipes.map((pipe) => call('openWorkflow', pipe)));
    for (const reply of replies) {
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.message).toContain('is a named pipe (FIFO), not a regular file');
    }
    const file = path.join(dir, 'flow.weft.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'weft-workflow', version: 1, tools: [], connections: [] }));
    const other = await connect();
    const opened = await other('openWorkflow', file);
    expect(opened.ok, JSON.stringify(opened)).toBe(true);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const outcome = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 15_000))]);
    expect(outcome).toBe(0);
  });
});
