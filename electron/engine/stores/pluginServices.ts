/**
 * The host side of the plugin services (hostContracts.ts PluginServices): the runtime's
 * worker-side provider forwards `state`, `blobs`, `results` and `virtualPlugins` calls here.
 * Layout of the data folder: docs/plugins.md.
 */
import type { PluginServices } from '../hostContracts.js';
import { createBlobStore, type BlobStore } from './blobStore.js';
import { createConnectionStore, type ConnectionStore } from './connectionStore.js';
import { createResultsStore, type ResultsStore } from './resultsStore.js';
import { createStateStore, type StateStore } from './stateStore.js';
import { virtualPluginStoreFor, type VirtualPluginStore } from './virtualPluginStore.js';

export interface PluginStores {
  state: StateStore;
  blobs: BlobStore;
  results: ResultsStore;
  virtualPlugins: VirtualPluginStore;
  /** named database connections (not a plugin service: a run hands built-in tools the ones they name) */
  connections: ConnectionStore;
}

export function createPluginStores(dataDir: string): PluginStores {
  return {
    state: createStateStore(dataDir),
    blobs: createBlobStore(dataDir),
    results: createResultsStore(dataDir),
    virtualPlugins: virtualPluginStoreFor(dataDir),
    connections: createConnectionStore(dataDir),
  };
}

export function createPluginServices(dataDir: string, stores: PluginStores = createPluginStores(dataDir)): PluginServices {
  return {
    state: {
      get: (pkg, key) => stores.state.get(pkg, key),
      set: (pkg, key, value) => stores.state.set(pkg, key, value),
      delete: (pkg, key) => stores.state.delete(pkg, key),
      keys: (pkg) => stores.state.keys(pkg),
    },
    blobs: {
      put: (pkg, key, data) => stores.blobs.put(pkg, key, data),
      get: (pkg, key) => stores.blobs.get(pkg, key),
      delete: (pkg, key) => stores.blobs.delete(pkg, key),
      list: (pkg) => stores.blobs.list(pkg),
    },
    results: {
      store: (runId, toolId, fileName, data, mimeType) => stores.results.store(runId, toolId, fileName, data, mimeType),
    },
    virtualPlugins: {
      create: (parent, definition) => stores.virtualPlugins.create(parent, definition),
      remove: async (parent, id) => {
        await stores.virtualPlugins.remove(parent, id);
      },
      list: (parent) => stores.virtualPlugins.list(parent),
    },
  };
}

export { createConnectionStore, type ConnectionStore } from './connectionStore.js';
export { createResultsStore, type ResultsStore } from './resultsStore.js';
export { virtualPluginStoreFor, type VirtualPluginStore } from './virtualPluginStore.js';
