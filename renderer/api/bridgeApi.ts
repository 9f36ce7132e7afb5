/**
 * The WeftApi over the Electron preload's `window.weft`: commands resolve to ApiResults there
 * (errors lose their place fields when crossing contextBridge), so rejections are rebuilt here.
 */
import type { WeftBridge } from '../../shared/apiBridge.js';
import { WEFT_API_COMMANDS, type WeftApi } from '../../shared/weftApi.js';
import { unwrapResult } from './weftApiError.js';

export function createBridgeApi(bridge: WeftBridge): WeftApi {
  const api: Partial<Record<keyof WeftApi, unknown>> = {
    onRunEvent: (callback: Parameters<WeftApi['onRunEvent']>[0]) => bridge.onRunEvent(callback),
    onPluginsChanged: (callback: Parameters<WeftApi['onPluginsChanged']>[0]) => bridge.onPluginsChanged(callback),
  };
  for (const command of WEFT_API_COMMANDS) {
    const call = bridge[command] as (...args: unknown[]) => Promise<Parameters<typeof unwrapResult>[0]>;
    api[command] = async (...args: unknown[]) => unwrapResult(await call(...args));
  }
  return api as WeftApi;
}
