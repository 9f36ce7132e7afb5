/**
 * The engine of one process (Electron main, the browser-mode server or the `weft` command): the
 * plugin registry with its plugin services, and one WorkflowRunner, shared by every session
 * (window or connection) that `createSession()` opens.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatPlacedError, type PlacedError } from '../../../shared/placedError.js';
import { projectRoot } from '../compiledPath.js';
import { resolveDataFolder } from '../dataFolder.js';
import type { PluginServices } from '../hostContracts.js';
import type { WorkerPool } from '../runtime/workerPool.js';
import { createPluginRegistry, type PluginRegistry } from '../registry/pluginRegistry.js';
import type { PluginStores } from '../stores/pluginServices.js';
import type { ServiceRunner } from './engineParts.js';
import { createRunner, removeVirtualToolFor, saveAsToolFor } from './hostFactories.js';
import { createWeftSession, type WeftSession } from './weftSession.js';

export interface EngineHostOptions {
  /** the data folder; default `$WEFT_HOME`, else the per-user folder */
  dataDir?: string;
  /** plugin folders loaded for this process only (`--plugins DIR`, the app's development folders) */
  loadedPluginDirs?: string[];
  /** reload a loaded folder when its files change (the app: true; the command: false) */
  watchLoadedPlugins?: boolean;
  /**
   * see packages installed or removed and virtual tools created by other processes on the same
   * data folder at once (the app and the browser mode: true; the command: false)
   */
  watchDataFolder?: boolean;
  /** default: the version in package.json */
  weftVersion?: string;
  /** start warm workers at once, so the first update-only run is fast (the app: true) */
  warmWorkers?: boolean;
  /** default: the compiled built-in package (dist/plugins) */
  builtinPluginsDir?: string;
  /** full runs' tool hosts, already warming (`weft run` starts them before it loads the engine) */
  workerPool?: WorkerPool;
}

export interface EngineHost {
  readonly dataDir: string;
  readonly weftVersion: string;
  readonly registry: PluginRegistry;
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

function startProblem(error: unknown): PlacedError {
  const { file, problem } = error as { file?: unknown; problem?: unknown };
  if (typeof file === 'string' && typeof problem === 'string') return { file, message: problem };
  return { message: error instanceof Error ? error.message : String(error) };
}

export async function createEngineHost(options: EngineHostOptions = {}): Promise<EngineHost> {
  const dataDir = path.resolve(options.dataDir ?? resolveDataFolder());
  const weftVersion = options.weftVersion ?? weftPackageVersion();
  let registry: PluginRegistry;
  try {
    registry = await createPluginRegistry({
      dataDir,
      loadedDirs: (options.loadedPluginDirs ?? []).map((dir) => path.resolve(dir)),
      watchLoaded: options.watchLoadedPlugins ?? false,
      watchDataFolder: options.watchDataFolder ?? false,
      ...(options.builtinPluginsDir !== undefined && { builtinDir: options.builtinPluginsDir }),
    });
  } catch (error) {
    // everything else the registry meets at start is kept as a notice; only a loaded folder throws
    throw new EngineStartError([startProblem(error)]);
  }
  const { services, stores } = registry;
  const runner = createRunner({ resolver: registry, services, weftVersion, connections: stores.connections, runsDir: stores.results.runsDir, inDatabaseTempDir: path.join(dataDir, 'in-database-temp'), ...(options.workerPool && { pool: options.workerPool }) });
  if (options.warmWorkers) runner.warm();
  // a reloaded, installed or removed plugin may change what update-only computes
  const stopClearingCache = registry.onChange(() => runner.clearUpdateCache());
  const sessions = new Set<WeftSession>();
  const saveAsTool = saveAsToolFor({ dataDir, registry, stores, runner });
  const removeVirtualTool = removeVirtualToolFor({ dataDir, registry, stores, runner });

  return {
    dataDir,
    weftVersion,
    registry,
    services,
    stores,
    runner,
    createSession() {
      const session = createWeftSession({ registry, runner, results: stores.results, saveAsTool, removeVirtualTool, connections: stores.connections });
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
      stopClearingCache();
      await runner.dispose();
      await registry.dispose();
    },
  };
}
