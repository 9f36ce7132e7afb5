import { describe, expect, it } from 'vitest';
import { formatPlacedError } from '../../shared/placedError.js';
import { installClashOf } from './installClash.js';

describe('installClashOf', () => {
  it('recognises the registry name clash as it reaches the renderer (a placed error with the manifest file)', () => {
    const message = formatPlacedError({
      file: '/plugins/acme/weft-plugin.json',
      message: 'a package named "acme-tools" is already installed (version 1.0.0); use --force to replace it',
    });
    expect(installClashOf(message)).toEqual({ packageName: 'acme-tools' });
  });

  it('leaves other install errors alone', () => {
    expect(installClashOf('/plugins/acme/weft-plugin.json: tools[0].entry: file not found')).toBeNull();
    expect(installClashOf('EACCES: permission denied, mkdir /data/plugins/acme --force')).toBeNull();
  });
});
