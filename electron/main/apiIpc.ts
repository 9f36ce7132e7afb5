/**
 * IPC handlers for every WeftApi command and desktop-shell command, derived from the command
 * lists in shared/. Each call is checked before it reaches a session: the sender must be the main
 * frame of one of our windows showing our renderer, and the arguments must fit the command's
 * schema. Replies are ApiResults, so nothing a renderer sends can throw in the main process.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  DESKTOP_SHELL_COMMANDS, ipcCommandChannel, ipcShellChannel, type DesktopShellBridge, type DesktopShellCommand,
} from '../../shared/apiBridge.js';
import { createCommandValidator, createShellValidator } from '../../shared/apiValidation.js';
import type { PlacedError } from '../../shared/placedError.js';
import { WEFT_API_COMMANDS, type ApiResult, type WeftApi } from '../../shared/weftApi.js';
import { isAppUrl } from './appProtocol.js';

/** what the handlers need from the window that sent a call */
export interface WindowApiTarget {
  session: WeftApi;
  shell: Omit<DesktopShellBridge, 'onMenuCommand'>;
}

export type TargetLookup = (event: IpcMainInvokeEvent) => WindowApiTarget | undefined;

function placedError(error: unknown): PlacedError {
  if (typeof error === 'object' && error !== null && typeof (error as PlacedError).message === 'string') {
    const { message, file, path, tool, anchor, phase } = error as PlacedError;
    return Object.fromEntries(Object.entries({ message, file, path, tool, anchor, phase })
      .filter(([, value]) => typeof value === 'string')) as unknown as PlacedError;
  }
  return { message: String(error) };
}

function senderProblem(event: IpcMainInvokeEvent): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame !== event.sender.mainFrame) return 'calls from sub-frames are not accepted';
  if (!isAppUrl(frame.url)) return `calls from ${JSON.stringify(frame.url)} are not accepted`;
  return null;
}

async function call<Target extends object>(
  target: Target | undefined, command: string, args: unknown[],
): Promise<ApiResult<unknown>> {
  if (!target) return { ok: false, error: { message: `${command}: this window has no engine session`, phase: 'ipc' } };
  try {
    const method = (target as Record<string, unknown>)[command] as (...callArgs: unknown[]) => unknown;
    return { ok: true, value: await method.apply(target, args) };
  } catch (error) {
    return { ok: false, error: placedError(error) };
  }
}

export function registerApiHandlers(lookup: TargetLookup): void {
  const commands = createCommandValidator();
  const shellCommands = createShellValidator();

  for (const command of WEFT_API_COMMANDS) {
    ipcMain.handle(ipcCommandChannel(command), async (event, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      const problem = senderProblem(event);
      if (problem) return { ok: false, error: { message: `${command}: ${problem}`, phase: 'ipc' } };
      const invalid = commands.check(command, args);
      if (invalid) return { ok: false, error: invalid };
      return call(lookup(event)?.session, command, args);
    });
  }

  for (const command of DESKTOP_SHELL_COMMANDS) {
    ipcMain.handle(ipcShellChannel(command), async (event, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      const problem = senderProblem(event);
      if (problem) return { ok: false, error: { message: `${command}: ${problem}`, phase: 'ipc' } };
      const invalid = shellCommands.check(command as DesktopShellCommand, args);
      if (invalid) return { ok: false, error: invalid };
      return call(lookup(event)?.shell, command, args);
    });
  }
}
