/**
 * Exposes exactly the Weft API (shared/weftApi.ts, as the WeftBridge of shared/apiBridge.ts) to
 * the sandboxed renderer as `window.weft`. Commands become ipcRenderer.invoke calls on channels
 * derived from the command names; events are `onX(cb) → unsubscribe`. Bundled to CommonJS
 * (dist/electron/preload/preload.cjs) because sandboxed preloads cannot be ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  DESKTOP_SHELL_COMMANDS, IPC_EVENT_CHANNELS, ipcCommandChannel, ipcShellChannel,
  type DesktopShellBridge, type MenuCommand, type WeftBridge,
} from '../../shared/apiBridge.js';
import type { RunEvent } from '../../shared/runEvents.js';
import { WEFT_API_COMMANDS, type ApiResult, type PluginChange, type Unsubscribe } from '../../shared/weftApi.js';

function subscribe<T>(channel: string, callback: (payload: T) => void): Unsubscribe {
  const listener = (_event: IpcRendererEvent, payload: T) => callback(payload);
  ipcRenderer.on(channel, listener);
  return () => { ipcRenderer.removeListener(channel, listener); };
}

const commands: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
for (const command of WEFT_API_COMMANDS) {
  commands[command] = (...args: unknown[]) => ipcRenderer.invoke(ipcCommandChannel(command), ...args);
}

const shellCommands: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
for (const command of DESKTOP_SHELL_COMMANDS) {
  shellCommands[command] = async (...args: unknown[]) => {
    const result = (await ipcRenderer.invoke(ipcShellChannel(command), ...args)) as ApiResult<unknown>;
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
}

const shell = {
  ...shellCommands,
  onMenuCommand: (callback: (command: MenuCommand) => void) => subscribe(IPC_EVENT_CHANNELS.menuCommand, callback),
} as unknown as DesktopShellBridge;

const bridge = {
  ...commands,
  onRunEvent: (callback: (event: RunEvent) => void) => subscribe(IPC_EVENT_CHANNELS.runEvent, callback),
  onPluginsChanged: (callback: (change: PluginChange) => void) => subscribe(IPC_EVENT_CHANNELS.pluginsChanged, callback),
  shell,
} as unknown as WeftBridge;

contextBridge.exposeInMainWorld('weft', bridge);
