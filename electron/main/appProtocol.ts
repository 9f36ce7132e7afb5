/**
 * The renderer is served from `app://weft/` rather than file://, so it has a real origin that the
 * IPC sender check and the CSP can name, and absolute asset paths work. Files come only from the
 * built renderer folder; every response carries the CSP.
 */
import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://weft`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** must run before the app is ready */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** true when `url` is a page of our renderer (used to check IPC senders and navigations) */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'weft';
  } catch {
    return false;
  }
}

export function serveAppScheme(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return new Response('bad request', { status: 400 });
    }
    const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
    if (url.host !== 'weft' || (file !== root && !file.startsWith(root + path.sep)) || relative.includes('\0')) {
      return new Response('not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).href).catch(() => null);
    if (!response || !response.ok) return new Response('not found', { status: 404 });
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', APP_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: 200, headers });
  });
}
