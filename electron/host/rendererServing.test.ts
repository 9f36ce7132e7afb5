import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, resolveStaticFile, securityHeaders } from './rendererServing.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-serving-'));
const root = path.join(work, 'renderer');
fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
fs.writeFileSync(path.join(root, 'assets', 'app.js'), '');
fs.writeFileSync(path.join(work, 'secret.txt'), 'secret');
fs.symlinkSync(path.join(work, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('serving the renderer (app protocol and browser mode alike)', () => {
  it('finds files with their content type; a path without an extension is the one page', async () => {
    expect(await resolveStaticFile(root, '/assets/app.js')).toMatchObject({ ok: true, contentType: 'text/javascript; charset=utf-8', isIndex: false });
    expect(await resolveStaticFile(root, '/')).toMatchObject({ ok: true, isIndex: true, contentType: 'text/html; charset=utf-8' });
    expect(await resolveStaticFile(root, '/some/route')).toMatchObject({ ok: true, isIndex: true });
    expect(await resolveStaticFile(root, '/missing.js')).toMatchObject({ ok: false, status: 404 });
  });

  it('never resolves outside the folder: dot-dot, encoded separators, NUL, links out', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/a%00.js', '/%2e%2e%5csecret.txt', '/%E0%A4%A', '/assets/link.txt']) {
      expect((await resolveStaticFile(root, attempt)).ok, attempt).toBe(false);
    }
  });

  it('one CSP: own scripts and styles only, the API connection added where there is one', () => {
    expect(contentSecurityPolicy()).toContain("connect-src 'self';");
    expect(contentSecurityPolicy()).toContain("script-src 'self';");
    expect(contentSecurityPolicy(['ws://127.0.0.1:4780'])).toContain("connect-src 'self' ws://127.0.0.1:4780;");
    expect(securityHeaders()).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': contentSecurityPolicy() });
  });
});
