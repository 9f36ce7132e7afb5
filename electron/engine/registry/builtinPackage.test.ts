// The registry loads the built-in package with its config schemas compiled on first use and its
// defaultConfigs unchecked (every process loads it; compiling ~30 schemas costs ~1 s of CPU), so
// this test holds it to everything an installed package must pass: valid schemas, defaults that
// fit them, entries that import and default-export a class.
import { describe, expect, it } from 'vitest';
import { builtinPluginsDir } from '../compiledPath.js';
import { readPackage } from './packageLoader.js';

describe('the built-in package', () => {
  it('passes every check of an installed package', async () => {
    const pkg = await readPackage(builtinPluginsDir, { source: 'installed', checkImports: true });
    expect(pkg.name).toBe('weft');
    expect(pkg.tools.size).toBeGreaterThan(20);
  }, 60_000);

  it('loaded lazily, still refuses a config that does not fit a tool schema', async () => {
    const pkg = await readPackage(builtinPluginsDir, { source: 'builtin', checkImports: false, lazySchemas: true });
    const filter = pkg.tools.get('filter');
    expect(filter?.validateConfig({ expression: 42 })).toEqual(['config.expression: must be string']);
  });

  it('as the registry reads it (checked at build: no manifest or meta-schema check at start), still refuses a config that does not fit', async () => {
    const pkg = await readPackage(builtinPluginsDir, { source: 'builtin', checkImports: false, lazySchemas: true, checkedAtBuild: true });
    expect(pkg.tools.get('filter')?.validateConfig({ expression: 42 })).toEqual(['config.expression: must be string']);
    expect(pkg.tools.get('filter')?.descriptor.category).toBe('Preparation');
  });
});
