/**
 * The browser-mode server: serves the built renderer and carries the WeftApi over a WebSocket,
 * on 127.0.0.1 only, behind a per-process access token. One engine session per connection.
 */
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { WEB_API_PATH, WEB_TOKEN_PARAM } from '../../shared/apiBridge.js';
import { resolveStaticFile, securityHeaders } from '../host/rendererServing.js';
import { createAccessGuard, createAccessToken, type AccessGuard } from './accessGuard.js';
import { serveApiConnection, type ApiSession } from './apiConnection.js';

export const WEB_HOST = '127.0.0.1';
export const DEFAULT_WEB_PORT = 4780;
/**
 * Large enough for a workflow with big Text Input tools (a run's data never travels this way), and
 * small enough that parsing and validating one message holds the server for well under a second
 * (a 60 MB message held it ~85 s).
 */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** open API connections at once (one per browser tab); more are refused with 503 */
export const MAX_CONNECTIONS = 16;

export interface WebServerOptions {
  /** 0 picks a free port */
  port: number;
  /** folder of the built renderer (index.html + assets) */
  rendererDir: string;
  openSession(): ApiSession;
  /** default: a new random token */
  token?: string;
  log?: (line: string) => void;
}

export interface WebServer {
  readonly port: number;
  readonly token: string;
  /** the address to open, with the token */
  readonly url: string;
  /** the number of open API connections */
  connectionCount(): number;
  close(): Promise<void>;
}

function refuse(response: http.ServerResponse, status: number, reason: string, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${reason}\nOpen the address printed by \`npm run web\`: it carries the access token.\n`);
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const text = status === 400 ? 'Bad Request' : status === 404 ? 'Not Found' : status === 503 ? 'Service Unavailable' : 'Forbidden';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
}

async function serveFile(
  request: http.IncomingMessage, response: http.ServerResponse, rendererDir: string, guard: AccessGuard,
  headers: Record<string, string>, tokenFromQuery: boolean,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
    response.end();
    return;
  }
  const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  const found = await resolveStaticFile(rendererDir, pathname);
  if (!found.ok && pathname === '/favicon.ico') {
    // browsers ask for it unprompted; answering "no content" keeps their consoles clean
    response.writeHead(204, headers);
    response.end();
    return;
  }
  if (!found.ok) {
    refuse(response, found.status, found.reason, headers);
    return;
  }
  const extra: Record<string, string> = {
    'Content-Type': found.contentType,
    'Cache-Control': found.isIndex ? 'no-store' : 'private, max-age=3600',
  };
  if (tokenFromQuery) extra['Set-Cookie'] = guard.setCookieHeader();
  response.writeHead(200, { ...headers, ...extra });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(found.file).on('error', () => response.destroy()).pipe(response);
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const token = options.token ?? createAccessToken();
  const server = http.createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, WEB_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const guard = createAccessGuard(token, port);
  const headers = securityHeaders([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);

  server.on('request', (request, response) => {
    const verdict = guard.check(request, { acceptCookie: true });
    if (!verdict.ok) {
      refuse(response, verdict.status, verdict.reason, headers);
      return;
    }
    if (verdict.tokenFrom === 'query' && (request.method === 'GET' || request.method === 'HEAD')) {
      // the token moves into the cookie and out of the address bar and the history
      const clean = new URL(request.url ?? '/', 'http://127.0.0.1');
      clean.searchParams.delete(WEB_TOKEN_PARAM);
      response.writeHead(303, { ...headers, Location: `${clean.pathname}${clean.search}`, 'Set-Cookie': guard.setCookieHeader(), 'Cache-Control': 'no-store' });
      response.end();
      return;
    }
    serveFile(request, response, options.rendererDir, guard, headers, verdict.tokenFrom === 'query').catch((error: unknown) => {
      log(`weft web: serving ${request.url ?? ''} failed: ${(error as Error).message}`);
      if (!response.headersSent) refuse(response, 500, 'internal error', headers);
      else response.destroy();
    });
  });

  server.on('upgrade', (request, socket, head) => {
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      refuseUpgrade(socket, 400, 'malformed request address');
      return;
    }
    if (pathname !== WEB_API_PATH) {
      refuseUpgrade(socket, 404, 'not found');
      return;
    }
    // the cookie counts only with an Origin header (browsers always send one, and the guard has
    // checked it is ours): a non-browser client must present the token itself
    const verdict = guard.check(request, { acceptCookie: request.headers.origin !== undefined });
    if (!verdict.ok) {
      refuseUpgrade(socket, verdict.status, verdict.reason);
      return;
    }
    if (sockets.clients.size >= MAX_CONNECTIONS) {
      refuseUpgrade(socket, 503, `too many connections (at most ${MAX_CONNECTIONS}); close other Weft tabs`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      let session: ApiSession;
      try {
        session = options.openSession();
      } catch (error) {
        log(`weft web: could not open an engine session: ${(error as Error).message}`);
        webSocket.close(1011, 'engine session unavailable');
        return;
      }
      serveApiConnection(webSocket, session, log);
    });
  });

  return {
    port,
    token,
    url: `http://${WEB_HOST}:${port}/?${WEB_TOKEN_PARAM}=${token}`,
    connectionCount: () => sockets.clients.size,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
