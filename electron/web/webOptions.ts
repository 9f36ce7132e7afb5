/** The command line of the browser-mode server: `--port N` (0 = any free port), `--plugins DIR` (repeatable). */
import { DEFAULT_WEB_PORT } from './webServer.js';

export interface WebOptions {
  port: number;
  pluginDirs: string[];
  /** folder of the built renderer; default dist/renderer */
  rendererDir: string | null;
}

export type ParsedWebOptions = { ok: true; options: WebOptions } | { ok: false; message: string };

export const WEB_USAGE = 'usage: npm run web [-- --port N] [-- --plugins DIR]…';

export function parseWebOptions(argv: string[]): ParsedWebOptions {
  const options: WebOptions = { port: DEFAULT_WEB_PORT, pluginDirs: [], rendererDir: null };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inlineValue] = argv[i].includes('=') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => inlineValue ?? argv[++i];
    if (flag === '--port') {
      const text = value();
      const port = Number(text);
      if (text === undefined || !/^\d+$/.test(text) || port > 65535) {
        return { ok: false, message: `--port needs a number from 0 to 65535, got ${JSON.stringify(text ?? '')}` };
      }
      options.port = port;
    } else if (flag === '--plugins') {
      const dir = value();
      if (!dir) return { ok: false, message: '--plugins needs a folder' };
      options.pluginDirs.push(dir);
    } else if (flag === '--renderer') {
      const dir = value();
      if (!dir) return { ok: false, message: '--renderer needs a folder' };
      options.rendererDir = dir;
    } else {
      return { ok: false, message: `unknown option ${JSON.stringify(argv[i])}` };
    }
  }
  return { ok: true, options };
}
