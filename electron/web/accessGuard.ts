/**
 * Who may talk to the browser-mode server: a request must come to our loopback address (Host
 * header, against DNS rebinding), must not come from a foreign page (Origin header, when sent),
 * and must carry the access token (query, or the cookie set on the first valid visit).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WEB_TOKEN_PARAM } from '../../shared/apiBridge.js';

export function createAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

export type AccessVerdict =
  | { ok: true; tokenFrom: 'query' | 'cookie' }
  | { ok: false; status: 400 | 403; reason: string };

export interface AccessGuard {
  readonly token: string;
  /** the cookie name; the port is part of it because cookies do not separate ports */
  readonly cookieName: string;
  check(request: IncomingMessage, options: { acceptCookie: boolean }): AccessVerdict;
  setCookieHeader(): string;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

export function createAccessGuard(token: string, port: number): AccessGuard {
  const cookieName = `weft_token_${port}`;
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  return {
    token,
    cookieName,
    check(request, { acceptCookie }) {
      if (!hosts.has(request.headers.host ?? '')) {
        return { ok: false, status: 403, reason: `unexpected Host header ${JSON.stringify(request.headers.host ?? '')}` };
      }
      const origin = request.headers.origin;
      if (origin !== undefined && !origins.has(origin)) {
        return { ok: false, status: 403, reason: `requests from ${JSON.stringify(origin)} are not allowed` };
      }
      let query: string | null;
      try {
        query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get(WEB_TOKEN_PARAM);
      } catch {
        return { ok: false, status: 400, reason: 'malformed request address' };
      }
      if (query !== null && sameSecret(query, token)) return { ok: true, tokenFrom: 'query' };
      const cookie = acceptCookie ? cookieValue(request.headers.cookie, cookieName) : null;
      if (cookie !== null && sameSecret(cookie, token)) return { ok: true, tokenFrom: 'cookie' };
      return {
        ok: false,
        status: 403,
        reason: query === null && cookie === null ? 'missing access token' : 'wrong access token',
      };
    },
    setCookieHeader() {
      return `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`;
    },
  };
}
