import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from './commandLine.js';

const cwd = '/home/me/work';

function refused(argv: string[]): UsageError {
  try {
    parseCommandLine(argv, cwd);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('the plugin author\'s commands', () => {
  it('parses dev, add-tool, pack and virtual list|remove', () => {
    expect(parseCommandLine(['dev', 'p'], cwd)).toEqual({ kind: 'dev', dir: '/home/me/work/p', flow: null, run: false, rows: 5, verbose: false });
    expect(parseCommandLine(['dev', 'p', 'f.weft.json', '--run', '--rows', '2'], cwd)).toMatchObject({ flow: '/home/me/work/f.weft.json', run: true, rows: 2 });
    expect(parseCommandLine(['plugins', 'add-tool', 'p', '--tool-type', 'output', '--id', 'sink'], cwd)).toEqual({ kind: 'plugins-add-tool', dir: '/home/me/work/p', toolType: 'output', id: 'sink', verbose: false });
    expect(parseCommandLine(['plugins', 'pack', 'p', '-o', 'out/a.weftpkg'], cwd)).toEqual({ kind: 'plugins-pack', dir: '/home/me/work/p', output: '/home/me/work/out/a.weftpkg', verbose: false });
    expect(parseCommandLine(['plugins', 'virtual', 'list', '--json', '--plugins', 'p'], cwd)).toEqual({ kind: 'plugins-virtual-list', json: true, pluginDirs: ['/home/me/work/p'], verbose: false });
    expect(parseCommandLine(['plugins', 'virtual', 'remove', 'acme/preset'], cwd)).toEqual({ kind: 'plugins-virtual-remove', id: 'acme/preset', verbose: false });
  });

  it('refuses what it cannot understand, saying what to write', () => {
    expect(refused(['dev']).message).toMatch(/missing argument \(usage: weft dev DIR/);
    expect(refused(['dev', 'p', '--rows=-1']).message).toMatch(/--rows takes a whole number/);
    expect(refused(['plugins', 'add-tool', 'p']).message).toMatch(/missing --tool-type/);
    expect(refused(['plugins', 'add-tool', 'p', '--tool-type', 'sideways']).message).toMatch(/unknown --tool-type "sideways"/);
    expect(refused(['plugins', 'pack', 'p', '-o', 'a.zip']).message).toMatch(/-o must name a \.weftpkg file/);
    expect(refused(['plugins', 'virtual', 'remove', 'preset']).message).toMatch(/not a full tool id PACKAGE\/ID/);
    expect(refused(['plugins', 'virtual']).message).toMatch(/missing command "plugins virtual" \(try: list, remove\)/);
  });
});
