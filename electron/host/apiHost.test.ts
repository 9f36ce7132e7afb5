// The API host both doors use (Electron IPC, browser-mode WebSocket): arguments checked once
// against the command's schema, one error converter, never a throw.
import { describe, expect, it } from 'vitest';
import type { WeftApi } from '../../shared/weftApi.js';
import { createApiHost, type DesktopShellTarget } from './apiHost.js';

const host = createApiHost();

function sessionWith(methods: Record<string, (...args: unknown[]) => unknown>): { session: WeftApi; calls: string[] } {
  const calls: string[] = [];
  const session = Object.fromEntries(Object.entries(methods).map(([name, method]) => [name, (...args: unknown[]) => {
    calls.push(name);
    return method(...args);
  }])) as unknown as WeftApi;
  return { session, calls };
}

describe('API host', () => {
  it('calls the session with arguments that fit the schema and returns its value', async () => {
    const { session } = sessionWith({ listDirectory: async (dir) => ({ dir, entries: [] }) });
    expect(await host.callCommand(session, 'listDirectory', ['/tmp'])).toEqual({ ok: true, value: { dir: '/tmp', entries: [] } });
  });

  it('refuses arguments that do not fit, naming the argument, without calling the session', async () => {
    const { session, calls } = sessionWith({ listDirectory: async () => null });
    const reply = await host.callCommand(session, 'listDirectory', [42]);
    expect(reply).toMatchObject({ ok: false, error: { phase: 'validate', path: 'listDirectory args[0]' } });
    expect(calls).toEqual([]);
    expect(await host.callCommand(session, 'noSuchCommand', [])).toMatchObject({ ok: false, error: { message: 'unknown command "noSuchCommand"' } });
  });

  it('turns whatever the session throws into a PlacedError, unwrapping a nested one and keeping its place', async () => {
    const placed = Object.assign(new Error('wrapper'), { placed: { message: 'not a workflow file', file: '/x.weft.json', path: 'format', extra: { no: 1 } } });
    const { session } = sessionWith({
      openWorkflow: async () => { throw placed; },
      listDirectory: () => { throw 'a string'; },
    });
    expect(await host.callCommand(session, 'openWorkflow', ['/x.weft.json'])).toEqual({
      ok: false, error: { message: 'not a workflow file', file: '/x.weft.json', path: 'format' },
    });
    expect(await host.callCommand(session, 'listDirectory', [null])).toEqual({ ok: false, error: { message: 'a string' } });
  });

  it('answers a call without a session or shell with an error', async () => {
    expect(await host.callCommand(undefined, 'listDirectory', [null])).toMatchObject({ ok: false, error: { message: 'listDirectory: this window has no engine session' } });
    expect(await host.callShell(undefined, 'closeWindow', [])).toMatchObject({ ok: false, error: { message: 'closeWindow: this window has no desktop shell' } });
  });

  it('checks desktop-shell commands against their own schemas', async () => {
    const shell = { pickPath: async () => '/picked' } as unknown as DesktopShellTarget;
    expect(await host.callShell(shell, 'pickPath', [{ kind: 'folder' }])).toEqual({ ok: true, value: '/picked' });
    expect(await host.callShell(shell, 'pickPath', [{ kind: 'sideways' }])).toMatchObject({ ok: false, error: { phase: 'validate' } });
    expect(await host.callShell(shell, 'listDirectory', [null])).toMatchObject({ ok: false, error: { message: 'unknown command "listDirectory"' } });
  });
});
