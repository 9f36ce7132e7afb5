import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataFolder } from './dataFolder.js';

describe('resolveDataFolder', () => {
  it('prefers $WEFT_HOME', () => {
    expect(resolveDataFolder({ WEFT_HOME: '/tmp/w' }, 'linux', '/home/u')).toBe(path.resolve('/tmp/w'));
  });
  it('uses the per-user app data folder of each platform', () => {
    expect(resolveDataFolder({}, 'linux', '/home/u')).toBe('/home/u/.config/Weft');
    expect(resolveDataFolder({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/Weft');
    expect(resolveDataFolder({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Weft');
    expect(resolveDataFolder({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      path.join('C:\\Users\\u\\AppData\\Roaming', 'Weft'),
    );
  });
});
