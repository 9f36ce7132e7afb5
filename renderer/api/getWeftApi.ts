/**
 * The one place the renderer gets its WeftApi: over the Electron preload's `window.weft`, or over
 * the browser mode's WebSocket. Everything else in renderer/ calls `getWeftApi()`.
 */
import type { Unsubscribe, WeftApi } from '../../shared/weftApi.js';
import { browserApiUrl } from './browserApiUrl.js';
import { createBridgeApi } from './bridgeApi.js';
import { createWebSocketApi, type ConnectionState, type WebSocketApi } from './webSocketApi.js';
import { windowBridge } from './windowBridge.js';

let api: WeftApi | undefined;
let socketApi: WebSocketApi | undefined;

/** true when the renderer runs in a browser against `npm run web` (no Electron preload) */
export function isBrowserMode(): boolean {
  return windowBridge() === undefined;
}

export function getWeftApi(): WeftApi {
  if (api) return api;
  const bridge = windowBridge();
  if (bridge) {
    api = createBridgeApi(bridge);
  } else {
    const storage = typeof sessionStorage === 'undefined' ? null : sessionStorage;
    socketApi = createWebSocketApi(browserApiUrl(window.location, storage), (url) => new WebSocket(url));
    api = socketApi;
  }
  return api;
}

/**
 * Browser mode: the state of the WebSocket to the server ('open' once connected; 'closed' while
 * the server is gone, with reconnection attempts). In Electron this reports 'open' once.
 */
export function onConnectionChange(callback: (state: ConnectionState) => void): Unsubscribe {
  getWeftApi();
  if (socketApi) return socketApi.onConnectionChange(callback);
  callback('open');
  return () => undefined;
}

/** replaces the API (component tests pass a fake or an in-process session); undefined restores the default */
export function setWeftApi(replacement: WeftApi | undefined): void {
  api = replacement;
  socketApi = undefined;
}
