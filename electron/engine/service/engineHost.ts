/**
 * The engine of one process (Electron main, the browser-mode server or the `weft` command): the
 * plugin registry, the plugin services and one WorkflowRunner, shared by every session (window or
 * connection) that `createSession()` opens.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatPlacedError, type PlacedError } from '../../../shared/placedError.js';
import { projectRoot } from '../compiledPath.js';
import { resolveDataFolder } from '../dataFolder.js';
import type { PluginServices } from '../hostContracts.js';
import { createPluginServices, createPluginStores, type PluginStores } from '../stores/pluginServices.js';
import type { ServiceRegistry, ServiceRunner } from './engineParts.js';
import { createRegistry, createRunner, saveAsToolFor, removeVirtualToolFor } from './hostFactories.js';
import { createWeftSession, type WeftSession } from './weftSession.js';

export interface EngineHostOptions {
  /** the data folder; default `$WEFT_HOME`, else the per-user folder */
  dataDir?: string;
  /** plugin folders loaded for this process only (`--plugins DIR`, the app's development folders) */
  loadedPluginDirs?: string[];
  /** default: the version in package.json */
  weftVersion?: string;
}

export interface EngineHost {
  readonly dataDir: string;
  readonly weftVersion: string;
  readonly registry: ServiceRegistry;
  readonly services: PluginServices;
  readonly stores: PluginStores;
  readonly runner: ServiceRunner;
  /** a new per-window / per-connection API object */
  createSession(): WeftSession;
  /** closes every session, stops the runner's workers and the registry's watchers */
  dispose(): Promise<void>;
}

/** thrown when a `loadedPluginDirs` folder cannot be loaded; `errors` name the place */
export class EngineStartError extends Error {
  constructor(readonly errors: PlacedError[]) {
    super(errors.map(formatPlacedError).join('\n'));
    this.name = 'EngineStartError';
  }
}

let packageVersion: string | undefined;
export function weftPackageVersion(): string {
  if (packageVersion === undefined) {
    try {
      packageVersion = (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
    } catch {
      packageVersion = '0.0.0';
    }
  }
  return packageVersion;
}

export async function createEngineHost(options: EngineHostOptions = {}): Promise<EngineHost> {
  const dataDir = path.resolve(options.dataDir ?? resolveDataFolder());
  const weftVersion = options.weftVersion ?? weftPackageVersion();
  const stores = createPluginStores(dataDir);
  const services = createPluginServices(dataDir, stores);
  const registry = await createRegistry({ dataDir, stores });
  const loadErrors: PlacedError[] = [];
  for (const dir of options.loadedPluginDirs ?? []) {
    try {
      await registry.loadFolder(path.resolve(dir));
    } catch (error) {
      loadErrors.push({ file: path.resolve(dir), message: (error as Error).message });
    }
  }
  if (loadErrors.length > 0) {
    await registry.dispose();
    throw new EngineStartError(loadErrors);
  }
  const runner = createRunner({ resolver: registry, services, weftVersion });
  const sessions = new Set<WeftSession>();
  const saveAsTool = saveAsToolFor({ dataDir, registry, stores });
  const removeVirtualTool = removeVirtualToolFor({ dataDir, registry, stores });

  return {
    dataDir,
    weftVersion,
    registry,
    services,
    stores,
    runner,
    createSession() {
      const session = createWeftSession({ registry, runner, results: stores.results, saveAsTool, removeVirtualTool });
      const dispose = session.dispose.bind(session);
      session.dispose = () => {
        sessions.delete(session);
        dispose();
      };
      sessions.add(session);
      return session;
    },
    async dispose() {
      for (const session of [...sessions]) session.dispose();
      await runner.dispose();
      await registry.dispose();
    },
  };
}
