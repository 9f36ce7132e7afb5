/**
 * The one place where a call from a renderer meets an engine session or the desktop shell, for
 * both doors (the Electron main process's IPC handlers and the browser mode's WebSocket): the
 * arguments are checked against the command's schema once, the call is made, and whatever
 * happens comes back as an ApiResult with a PlacedError, so nothing a renderer sends can throw in
 * the host.
 */
import type { DesktopShellBridge } from '../../shared/apiBridge.js';
import type { ApiResult, WeftApi } from '../../shared/weftApi.js';
import { createCommandValidator, createShellValidator, type ArgsValidator } from './apiValidation.js';
import { toPlacedError } from './placedErrors.js';

/** the desktop-shell commands a host answers (the event subscription stays in the preload) */
export type DesktopShellTarget = Omit<DesktopShellBridge, 'onMenuCommand'>;

export interface ApiHost {
  /** a WeftApi command on `session`; `session` undefined: the caller has none (a closed window) */
  callCommand(session: WeftApi | undefined, command: string, args: unknown): Promise<ApiResult<unknown>>;
  /** a desktop-shell command (Electron only) */
  callShell(shell: DesktopShellTarget | undefined, command: string, args: unknown): Promise<ApiResult<unknown>>;
}

/** an error reply in the form every door sends */
export function apiFailure(error: unknown): ApiResult<never> {
  return { ok: false, error: toPlacedError(error) };
}

async function checkedCall<Command extends string>(
  validator: ArgsValidator<Command>, target: object | undefined, command: string, args: unknown, noTarget: string,
): Promise<ApiResult<unknown>> {
  const invalid = validator.check(command as Command, args);
  if (invalid) return { ok: false, error: invalid };
  if (!target) return { ok: false, error: { message: `${command}: ${noTarget}`, phase: 'ipc' } };
  try {
    const method = (target as Record<string, unknown>)[command] as (...callArgs: unknown[]) => unknown;
    return { ok: true, value: await method.apply(target, args as unknown[]) };
  } catch (error) {
    return apiFailure(error);
  }
}

export function createApiHost(): ApiHost {
  const commands = createCommandValidator();
  const shellCommands = createShellValidator();
  return {
    callCommand: (session, command, args) => checkedCall(commands, session, command, args, 'this window has no engine session'),
    callShell: (shell, command, args) => checkedCall(shellCommands, shell, command, args, 'this window has no desktop shell'),
  };
}
