/**
 * The per-test setting of the registry tests: a temp data folder, a work folder holding a built-in
 * package, and registries that are disposed (and folders removed) after each test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createPluginRegistry, type PluginRegistry, type PluginRegistryOptions } from './pluginRegistry.js';
import { goodManifest, tempDir, writeGoodPackage } from './packageFixtures.js';

export class RegistryTestbed {
  dataDir = '';
  work = '';
  builtinDir = '';
  private readonly created: PluginRegistry[] = [];

  /** a registry over this test's folders, disposed after the test */
  async registry(options: Partial<PluginRegistryOptions> = {}): Promise<PluginRegistry> {
    const created = await createPluginRegistry({ dataDir: this.dataDir, builtinDir: this.builtinDir, ...options });
    this.created.push(created);
    return created;
  }

  async disposeAll(): Promise<void> {
    for (const created of this.created.splice(0)) await created.dispose();
  }
}

/** registers the before/after hooks; `builtinManifest` is the built-in package's manifest */
export function useRegistryTestbed(builtinManifest: () => Record<string, unknown> = () => goodManifest('weft')): RegistryTestbed {
  const bed = new RegistryTestbed();
  beforeEach(() => {
    bed.dataDir = tempDir('home');
    bed.work = tempDir('src');
    bed.builtinDir = writeGoodPackage(path.join(bed.work, 'builtin'), builtinManifest());
  });
  afterEach(async () => {
    await bed.disposeAll();
    fs.rmSync(bed.dataDir, { recursive: true, force: true });
    fs.rmSync(bed.work, { recursive: true, force: true });
  });
  return bed;
}
