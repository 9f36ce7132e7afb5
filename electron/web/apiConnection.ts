/**
 * One browser tab's WebSocket: its own engine session, requests checked (the envelope here, then
 * the command's arguments by the API host shared with the Electron app) before they reach the
 * session, replies and pushed events as JSON.
 * Nothing a client sends can throw out of here: junk gets an error reply.
 */
import type { WebSocket } from 'ws';
import type { ApiReplyMessage, ApiRequestMessage, ServerMessage } from '../../shared/apiBridge.js';
import type { PlacedError } from '../../shared/placedError.js';
import type { WeftApi } from '../../shared/weftApi.js';
import { createApiHost } from '../host/apiHost.js';
import { createRequestMessageValidator } from '../host/apiValidation.js';
import { toPlacedError } from '../host/placedErrors.js';

export interface ApiSession extends WeftApi {
  dispose(): void | Promise<void>;
}

const checkMessage = createRequestMessageValidator();
const host = createApiHost();

export function serveApiConnection(socket: WebSocket, session: ApiSession, log: (line: string) => void): void {
  const send = (message: ServerMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    socket.send(JSON.stringify(message), (error) => {
      if (error) log(`weft web: could not send to a client: ${error.message}`);
    });
  };
  const fail = (id: number | null, error: PlacedError) => send({ id, result: { ok: false, error } } satisfies ApiReplyMessage);

  const unsubscribes = [
    session.onRunEvent((payload) => send({ event: 'runEvent', payload })),
    session.onPluginsChanged((payload) => send({ event: 'pluginsChanged', payload })),
  ];

  const handle = async (text: string) => {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      fail(null, { message: 'invalid request: not JSON', phase: 'validate' });
      return;
    }
    const envelopeError = checkMessage(message);
    const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : null;
    if (envelopeError) {
      fail(Number.isInteger(id) ? id : null, envelopeError);
      return;
    }
    const request = message as ApiRequestMessage;
    // JSON has no undefined: the client sends null for an absent trailing argument, and gets null for no value
    const result = await host.callCommand(session, request.method, request.args);
    send({ id: request.id, result: result.ok ? { ok: true, value: result.value ?? null } : result });
  };

  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      fail(null, { message: 'invalid request: binary messages are not accepted', phase: 'validate' });
      return;
    }
    void handle(data.toString());
  });
  socket.on('error', (error) => log(`weft web: connection error: ${error.message}`));
  socket.on('close', () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
    Promise.resolve()
      .then(() => session.dispose())
      .catch((error: unknown) => log(`weft web: closing a session failed: ${toPlacedError(error).message}`));
  });
}
