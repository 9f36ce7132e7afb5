/**
 * The WeftApi over the browser mode's WebSocket: one JSON request per command (`id`, `method`,
 * `args`), one reply per request, and pushed run/plugin events. Requests made before the socket
 * opens wait for it; when the socket closes, pending commands reject and a new socket (a new
 * engine session on the server) is opened after a short pause.
 */
import type { ApiRequestMessage, ServerMessage } from '../../shared/apiBridge.js';
import type { PlacedError } from '../../shared/placedError.js';
import type { RunEvent } from '../../shared/runEvents.js';
import { WEFT_API_COMMANDS, type PluginChange, type Unsubscribe, type WeftApi } from '../../shared/weftApi.js';
import { WeftApiError } from './weftApiError.js';

/** the part of the DOM WebSocket this client uses (the `ws` package's WebSocket fits too) */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export type SocketFactory = (url: string) => SocketLike;

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WebSocketApi extends WeftApi {
  /** the socket's state; the renderer may show a banner while it is not `open` */
  onConnectionChange(callback: (state: ConnectionState) => void): Unsubscribe;
  /** closes the socket for good (no reconnection) */
  close(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const OPEN = 1;

export function createWebSocketApi(url: string, openSocket: SocketFactory, reconnectDelayMs = 1000): WebSocketApi {
  const pending = new Map<number, Pending>();
  const queued: string[] = [];
  const runListeners = new Set<(event: RunEvent) => void>();
  const pluginListeners = new Set<(change: PluginChange) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let nextId = 1;
  let closedForGood = false;
  let socket: SocketLike;

  const setState = (state: ConnectionState) => {
    for (const listener of connectionListeners) listener(state);
  };

  const failPending = (error: PlacedError) => {
    for (const request of pending.values()) request.reject(new WeftApiError(error));
    pending.clear();
  };

  const onMessage = (data: unknown) => {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    if ('event' in message) {
      if (message.event === 'runEvent') for (const listener of runListeners) listener(message.payload);
      else if (message.event === 'pluginsChanged') for (const listener of pluginListeners) listener(message.payload);
      return;
    }
    if (message.id === null) return;
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    if (message.result.ok) request.resolve(message.result.value);
    else request.reject(new WeftApiError(message.result.error));
  };

  const connect = () => {
    setState('connecting');
    socket = openSocket(url);
    socket.addEventListener('open', () => {
      setState('open');
      for (const text of queued.splice(0)) socket.send(text);
    });
    socket.addEventListener('message', (event) => onMessage(event.data));
    socket.addEventListener('close', () => {
      setState('closed');
      failPending({ message: 'the connection to the Weft server closed' });
      if (!closedForGood) setTimeout(() => { if (!closedForGood) connect(); }, reconnectDelayMs);
    });
    // an 'error' is always followed by 'close', which does the work
    socket.addEventListener('error', () => undefined);
  };

  const send = (method: ApiRequestMessage['method'], args: unknown[]): Promise<unknown> => {
    if (closedForGood) return Promise.reject(new WeftApiError({ message: 'the Weft API client is closed' }));
    const id = nextId++;
    const text = JSON.stringify({ id, method, args } satisfies ApiRequestMessage);
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (socket.readyState === OPEN) socket.send(text);
      else queued.push(text);
    });
  };

  const subscribe = <T>(listeners: Set<T>, callback: T): Unsubscribe => {
    listeners.add(callback);
    return () => { listeners.delete(callback); };
  };

  const api: Partial<Record<keyof WebSocketApi, unknown>> = {
    onRunEvent: (callback: (event: RunEvent) => void) => subscribe(runListeners, callback),
    onPluginsChanged: (callback: (change: PluginChange) => void) => subscribe(pluginListeners, callback),
    onConnectionChange: (callback: (state: ConnectionState) => void) => subscribe(connectionListeners, callback),
    close: () => {
      closedForGood = true;
      queued.length = 0;
      socket.close();
    },
  };
  for (const command of WEFT_API_COMMANDS) {
    // JSON has no undefined: optional trailing arguments travel as null
    api[command] = (...args: unknown[]) => send(command, args.map((arg) => (arg === undefined ? null : arg)));
  }
  connect();
  return api as WebSocketApi;
}
