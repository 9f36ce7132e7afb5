import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocationFolder, parseCommandLine, UsageError } from './commandLine.js';

const cwd = '/home/me/work';

describe('parseCommandLine', () => {
  it('parses run with repeated --plugins, --json, --timeout and --verbose, resolving paths against the folder given', () => {
    expect(parseCommandLine(['run', 'flow.weft.json', '--plugins', 'a', '--plugins', '/abs/b', '--json', '--timeout', '2.5', '--verbose'], cwd)).toEqual({
      kind: 'run', mode: 'full', file: '/home/me/work/flow.weft.json', pluginDirs: ['/home/me/work/a', '/abs/b'], json: true, timeoutMs: 2500, idleTimeoutMs: 600_000, verbose: true,
      incremental: false, engine: null,
    });
    expect(parseCommandLine(['run', 'f', '--incremental'], cwd)).toMatchObject({ kind: 'run', incremental: true });
    expect(parseCommandLine(['run', 'f', '--engine', 'in-database'], cwd)).toMatchObject({ kind: 'run', engine: 'in-database' });
    expect(() => parseCommandLine(['run', 'f', '--engine', 'spark'], cwd)).toThrow('--engine takes streaming or in-database, got "spark"');
    expect(parseCommandLine(['update', '../x.weft.json'], cwd)).toMatchObject({ kind: 'run', mode: 'update', file: '/home/me/x.weft.json', timeoutMs: null, json: false });
    expect(parseCommandLine(['run', '--plugins=p', 'f'], cwd)).toMatchObject({ file: '/home/me/work/f', pluginDirs: ['/home/me/work/p'] });
  });

  it('gives weft run a default idle limit; --idle-timeout changes it and 0 turns it off', () => {
    expect(parseCommandLine(['run', 'f', '--idle-timeout', '90'], cwd)).toMatchObject({ idleTimeoutMs: 90_000 });
    expect(parseCommandLine(['run', 'f', '--idle-timeout', '0'], cwd)).toMatchObject({ idleTimeoutMs: null });
    expect(parseCommandLine(['update', 'f'], cwd)).toMatchObject({ idleTimeoutMs: null });
    expect(() => parseCommandLine(['run', 'f', '--idle-timeout', 'later'], cwd)).toThrow(/--idle-timeout takes a number of seconds \(0: no limit\), got "later"/);
    expect(() => parseCommandLine(['update', 'f', '--idle-timeout', '5'], cwd)).toThrow(/idle-timeout/);
  });

  it('parses the plugins commands', () => {
    expect(parseCommandLine(['plugins', 'install', 'dir', '--force'], cwd)).toEqual({ kind: 'plugins-install', dir: '/home/me/work/dir', force: true, verbose: false });
    expect(parseCommandLine(['plugins', 'list', '--json'], cwd)).toEqual({ kind: 'plugins-list', json: true, pluginDirs: [], verbose: false });
    expect(parseCommandLine(['plugins', 'remove', 'acme'], cwd)).toEqual({ kind: 'plugins-remove', name: 'acme', verbose: false });
    expect(parseCommandLine(['plugins', 'new', 'p', '--tool-type', 'multiple-inputs'], cwd)).toEqual({ kind: 'plugins-new', dir: '/home/me/work/p', toolType: 'multiple-inputs', verbose: false });
    expect(parseCommandLine(['--help'], cwd)).toEqual({ kind: 'help', topic: null });
    expect(parseCommandLine(['run', '--help'], cwd)).toEqual({ kind: 'help', topic: 'run' });
  });

  it('refuses what it cannot understand, flagging --json so exit 2 can print JSON', () => {
    const refused = (argv: string[]) => {
      try {
        parseCommandLine(argv, cwd);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return error as UsageError;
      }
      throw new Error(`accepted ${argv.join(' ')}`);
    };
    expect(refused(['run']).message).toMatch(/missing FILE/);
    expect(refused([]).message).toMatch(/missing command/);
    expect(refused(['plugins', '--json']).json).toBe(true);
    expect(refused(['plugins']).message).toMatch(/missing plugins command/);
    expect(refused(['run', 'a', '--timeout', '-1']).message).toMatch(/^--timeout got "-1", which looks like an option/);
    expect(refused(['run', 'a', 'b']).message).toMatch(/unexpected argument "b"/);
    expect(refused(['run', 'a', '--timeout', '0']).message).toMatch(/greater than 0/);
    expect(refused(['run', 'a', '--timeout', '-3', '--json']).json).toBe(true);
    expect(refused(['run', 'a', '--plugins']).message).toMatch(/plugins/);
    expect(refused(['update', 'a', '--timeout', '3']).message).toMatch(/timeout/);
    expect(refused(['plugins', 'install']).message).toMatch(/missing DIR/);
    expect(refused(['plugins', 'list', 'extra']).message).toMatch(/unexpected argument "extra"/);
    expect(refused(['plugins', 'new', 'p']).message).toMatch(/missing --tool-type/);
    expect(refused(['plugins', 'frob']).message).toMatch(/unknown command "plugins frob"/);
    expect(refused(['fly', '--json']).json).toBe(true);
  });

  it('takes relative paths from $INIT_CWD under npm run, else the current folder', () => {
    expect(invocationFolder({ INIT_CWD: '/somewhere/else' })).toBe('/somewhere/else');
    expect(invocationFolder({})).toBe(process.cwd());
    expect(invocationFolder({ INIT_CWD: '  ' })).toBe(process.cwd());
    expect(path.isAbsolute(invocationFolder({ INIT_CWD: 'rel' }))).toBe(true);
  });
});
