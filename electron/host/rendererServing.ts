/**
 * How the built renderer is served, for both doors (the Electron app's `app://weft/` protocol and
 * the browser-mode server): which file a request path names (never one outside the renderer
 * folder, checked again after following links; paths without an extension fall back to
 * index.html, as the renderer is one page), its content type, and the headers every response
 * carries, the CSP first.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Only our own scripts (no eval), our own styles, and the API connection (`connectSources`: the
 * browser mode's WebSocket; the Electron app needs none beyond 'self'). No 'unsafe-inline' for
 * styles: React Flow and the form library set positions through the CSSOM (element.style), which
 * a CSP does not govern; the e2e fixture fails a test on any CSP violation, so this stays checked.
 */
export function contentSecurityPolicy(connectSources: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ['connect-src', "'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** the headers of every response that serves the renderer */
export function securityHeaders(connectSources: string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connectSources),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

export type StaticLookup =
  | { ok: true; file: string; contentType: string; isIndex: boolean }
  | { ok: false; status: 400 | 404; reason: string };

function inside(root: string, file: string): boolean {
  return file === root || file.startsWith(root + path.sep);
}

async function regularFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** the file of the renderer folder `rootDir` that `requestPath` (a URL's pathname) names */
export async function resolveStaticFile(rootDir: string, requestPath: string): Promise<StaticLookup> {
  const root = path.resolve(rootDir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return { ok: false, status: 400, reason: 'malformed path' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400, reason: 'malformed path' };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!inside(root, file)) return { ok: false, status: 404, reason: 'not found' };

  let target = file;
  if (!(await regularFile(target))) {
    if (path.extname(decoded) !== '') return { ok: false, status: 404, reason: 'not found' };
    target = path.join(root, 'index.html');
    if (!(await regularFile(target))) return { ok: false, status: 404, reason: 'the renderer is not built (dist/renderer/index.html is missing)' };
  }
  const realRoot = await fs.realpath(root);
  const realTarget = await fs.realpath(target);
  if (!inside(realRoot, realTarget)) return { ok: false, status: 404, reason: 'not found' };
  return {
    ok: true,
    file: realTarget,
    contentType: CONTENT_TYPES[path.extname(realTarget).toLowerCase()] ?? 'application/octet-stream',
    isIndex: realTarget === path.join(realRoot, 'index.html'),
  };
}
