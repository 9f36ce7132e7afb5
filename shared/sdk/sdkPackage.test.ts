import { describe, expect, it } from 'vitest';
import pkg from './package.json' with { type: 'json' };
import { SDK_VERSION } from './plugin.js';

describe('@weft/sdk package', () => {
  it('is versioned as the SDK version the engine offers', () => {
    expect(pkg.name).toBe('@weft/sdk');
    expect(pkg.version).toBe(SDK_VERSION);
  });
});
