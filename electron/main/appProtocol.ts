/**
 * The renderer is served from `app://weft/` rather than file://, so it has a real origin that the
 * IPC sender check and the CSP can name, and absolute asset paths work. Files come only from the
 * built renderer folder, resolved and answered with the CSP exactly as the browser mode does
 * (electron/host/rendererServing.ts).
 */
import { protocol } from 'electron';
import fs from 'node:fs/promises';
import { resolveStaticFile, securityHeaders } from '../host/rendererServing.js';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://weft`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

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
  const headers = securityHeaders();
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'weft') return new Response('not found', { status: 404 });
    const found = await resolveStaticFile(rendererDir, url.pathname);
    if (!found.ok) return new Response(found.reason, { status: found.status });
    // read with fs rather than net.fetch(file://): the session refuses every non-app request
    const body = await fs.readFile(found.file).catch(() => null);
    if (!body) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(body), { status: 200, headers: { ...headers, 'Content-Type': found.contentType } });
  });
}
