import { describe, expect, it } from 'vitest';
import type { WeftBridge } from '../../shared/apiBridge.js';
import { WEFT_API_COMMANDS } from '../../shared/weftApi.js';
import { browserApiUrl } from './browserApiUrl.js';
import { createBridgeApi } from './bridgeApi.js';
import { WeftApiError } from './weftApiError.js';

// The Electron preload cannot run here (no Electron binary), so its shape is stood in for by an
// object of the WeftBridge type: commands resolving to ApiResults, as the preload's do.
describe('createBridgeApi', () => {
  it('forwards every command and turns error results back into rejections with the place', async () => {
    const calls: [string, unknown[]][] = [];
    const bridge = Object.fromEntries(WEFT_API_COMMANDS.map((command) => [command, async (...args: unknown[]) => {
      calls.push([command, args]);
      return command === 'openWorkflow'
        ? { ok: false, error: { message: 'unknown format', file: args[0] as string, path: 'format' } }
        : { ok: true, value: command };
    }])) as unknown as WeftBridge;
    const api = createBridgeApi({ ...bridge, onRunEvent: () => () => undefined, onPluginsChanged: () => () => undefined, shell: {} as WeftBridge['shell'] });
    await expect(api.listRuns()).resolves.toBe('listRuns');
    await expect(api.browseRows('r', 't', 'Output', 0, 50)).resolves.toBe('browseRows');
    const error = await api.openWorkflow('/w.weft.json').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(WeftApiError);
    expect((error as WeftApiError).placed).toEqual({ message: 'unknown format', file: '/w.weft.json', path: 'format' });
    expect(calls).toEqual([['listRuns', []], ['browseRows', ['r', 't', 'Output', 0, 50]], ['openWorkflow', ['/w.weft.json']]]);
  });
});

describe('browserApiUrl', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
  };

  it('takes the token from the page address and keeps it for a reload without it', () => {
    const storage = memory();
    expect(browserApiUrl({ protocol: 'http:', host: '127.0.0.1:4780', search: '?token=a%2Bb&open=/x' }, storage))
      .toBe('ws://127.0.0.1:4780/api?token=a%2Bb');
    expect(browserApiUrl({ protocol: 'http:', host: '127.0.0.1:4780', search: '' }, storage))
      .toBe('ws://127.0.0.1:4780/api?token=a%2Bb');
    expect(browserApiUrl({ protocol: 'https:', host: 'h:1', search: '' }, null)).toBe('wss://h:1/api?token=');
  });
});
