import { describe, expect, it } from 'vitest';
import { parseWebOptions } from './webOptions.js';

describe('parseWebOptions', () => {
  it('defaults to port 4780 and no plugin folders', () => {
    expect(parseWebOptions([])).toEqual({ ok: true, options: { port: 4780, pluginDirs: [], rendererDir: null } });
  });

  it('reads --port (0 = any free port) and repeated --plugins', () => {
    expect(parseWebOptions(['--port', '0', '--plugins', 'a', '--plugins=b'])).toEqual({
      ok: true,
      options: { port: 0, pluginDirs: ['a', 'b'], rendererDir: null },
    });
  });

  it('names what is wrong', () => {
    expect(parseWebOptions(['--port', 'x'])).toEqual({ ok: false, message: '--port needs a number from 0 to 65535, got "x"' });
    expect(parseWebOptions(['--port', '70000'])).toMatchObject({ ok: false });
    expect(parseWebOptions(['--port'])).toMatchObject({ ok: false });
    expect(parseWebOptions(['--plugins'])).toEqual({ ok: false, message: '--plugins needs a folder' });
    expect(parseWebOptions(['--verbose'])).toEqual({ ok: false, message: 'unknown option "--verbose"' });
  });
});
