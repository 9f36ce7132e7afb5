/**
 * IPC handlers for every WeftApi command and desktop-shell command, derived from the command
 * lists in shared/. The sender must be the main frame of one of our windows showing our renderer;
 * then the API host (electron/host/apiHost.ts, shared with the browser mode) checks the arguments
 * against the command's schema, makes the call and replies with an ApiResult, so nothing a
 * renderer sends can throw in the main process.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { DESKTOP_SHELL_COMMANDS, ipcCommandChannel, ipcShellChannel } from '../../shared/apiBridge.js';
import { WEFT_API_COMMANDS, type ApiResult, type WeftApi } from '../../shared/weftApi.js';
import { createApiHost, type DesktopShellTarget } from '../host/apiHost.js';
import { isAppUrl } from './appProtocol.js';

/** what the handlers need from the window that sent a call */
export interface WindowApiTarget {
  session: WeftApi;
  shell: DesktopShellTarget;
}

export type TargetLookup = (event: IpcMainInvokeEvent) => WindowApiTarget | undefined;

function senderProblem(event: IpcMainInvokeEvent): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame !== event.sender.mainFrame) return 'calls from sub-frames are not accepted';
  if (!isAppUrl(frame.url)) return `calls from ${JSON.stringify(frame.url)} are not accepted`;
  return null;
}

export function registerApiHandlers(lookup: TargetLookup): void {
  const host = createApiHost();
  const refused = (command: string, problem: string): ApiResult<never> => ({ ok: false, error: { message: `${command}: ${problem}`, phase: 'ipc' } });

  for (const command of WEFT_API_COMMANDS) {
    ipcMain.handle(ipcCommandChannel(command), async (event, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      const problem = senderProblem(event);
      if (problem) return refused(command, problem);
      return host.callCommand(lookup(event)?.session, command, args);
    });
  }

  for (const command of DESKTOP_SHELL_COMMANDS) {
    ipcMain.handle(ipcShellChannel(command), async (event, ...args: unknown[]): Promise<ApiResult<unknown>> => {
      const problem = senderProblem(event);
      if (problem) return refused(command, problem);
      return host.callShell(lookup(event)?.shell, command, args);
    });
  }
}
