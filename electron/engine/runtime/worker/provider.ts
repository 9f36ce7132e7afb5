/** The provider a plugin receives (plugin-sdk.md section 3), built inside the tool-host worker. */
import fs from 'node:fs';
import type { Metadata } from '../../../../shared/metadata.js';
import {
  SDK_VERSION, type DataBlobs, type Environment, type InputAnchor, type IO, type JsonValue, type OutputAnchor, type PluginState,
  type Provider, type RecordRow, type RecordValue, type Records, type Results, type VirtualPluginDefinition,
  type VirtualPluginRecord, type VirtualPlugins,
} from '../../../../shared/sdk/plugin.js';
import { packetFromColumns, packetFromRows } from '../packets/packetFactory.js';
import type { ToolJobBase, WorkerToHost } from '../protocol.js';
import { ownedBytes, type ServiceClient } from './serviceClient.js';
import type { FailureState } from './toolFailure.js';

export interface ProviderParts {
  job: ToolJobBase;
  updateOnly: boolean;
  inputs: Map<string, InputAnchor>;
  outputs: Map<string, OutputAnchor>;
  services: ServiceClient;
  failure: FailureState;
  post(message: WorkerToHost): void;
}

export function createProvider(parts: ProviderParts): Provider {
  const { job, services, failure, post } = parts;
  const io: IO = {
    info: (message) => post({ type: 'message', level: 'info', text: String(message) }),
    warn: (message) => post({ type: 'message', level: 'warn', text: String(message) }),
    error: (message) => failure.fail({ phase: 'io.error', message: String(message) }),
    updateProgress: (fraction) => {
      const value = Number(fraction);
      if (Number.isFinite(value)) post({ type: 'progress', fraction: Math.min(1, Math.max(0, value)) });
    },
  };
  return Object.freeze({
    toolId: job.toolId,
    toolConfig: job.config,
    environment: createEnvironment(job, parts.updateOnly),
    io,
    getInputAnchor(name: string): InputAnchor {
      const anchor = parts.inputs.get(name);
      if (!anchor) throw new Error(`tool ${job.toolId} has no input anchor '${name}' (it has: ${[...parts.inputs.keys()].join(', ') || 'none'})`);
      return anchor;
    },
    getOutputAnchor(name: string): OutputAnchor {
      const anchor = parts.outputs.get(name);
      if (!anchor) throw new Error(`tool ${job.toolId} has no output anchor '${name}' (it has: ${[...parts.outputs.keys()].join(', ') || 'none'})`);
      return anchor;
    },
    records: createRecords(),
    state: createState(services),
    blobs: createBlobs(services),
    results: createResults(services),
    virtualPlugins: createVirtualPlugins(services),
    virtualPlugin: job.virtualPlugin,
  });
}

function createEnvironment(job: ToolJobBase, updateOnly: boolean): Environment {
  let created = false;
  return Object.freeze({
    updateOnly,
    workflowDir: job.workflowDir,
    get tempDir(): string {
      // created on first use: most tools never touch it, and update-only runs on every keystroke
      if (!created) fs.mkdirSync(job.tempDir, { recursive: true });
      created = true;
      return job.tempDir;
    },
    runId: job.runId,
    sdkVersion: SDK_VERSION,
    weftVersion: job.weftVersion,
  });
}

function createRecords(): Records {
  return {
    fromRows: (metadata: Metadata, rows: RecordRow[]) => packetFromRows(metadata, rows),
    fromColumns: (metadata: Metadata, columns: Record<string, ArrayLike<RecordValue>>) => packetFromColumns(metadata, columns),
  };
}

function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length < 1 || key.length > 200) throw new Error('a key is a string of 1–200 characters');
  return key;
}

function createState(services: ServiceClient): PluginState {
  return {
    get: (key) => services.call<JsonValue | undefined>('state.get', [checkKey(key)]),
    set: (key, value) => {
      const json = JSON.stringify(value);
      if (json === undefined) return Promise.reject(new Error('state values must be JSON'));
      return services.call<void>('state.set', [checkKey(key), JSON.parse(json) as JsonValue]);
    },
    delete: (key) => services.call<void>('state.delete', [checkKey(key)]),
    keys: () => services.call<string[]>('state.keys', []),
  };
}

function createBlobs(services: ServiceClient): DataBlobs {
  return {
    put: (key, data) => {
      const bytes = ownedBytes(data);
      return services.call<void>('blobs.put', [checkKey(key), bytes], [bytes.buffer as ArrayBuffer]);
    },
    get: (key) => services.call<Uint8Array | null>('blobs.get', [checkKey(key)]),
    delete: (key) => services.call<void>('blobs.delete', [checkKey(key)]),
    list: () => services.call<string[]>('blobs.list', []),
  };
}

function createResults(services: ServiceClient): Results {
  return {
    store: (fileName, data, mimeType) => {
      if (typeof fileName !== 'string' || fileName === '') return Promise.reject(new Error('results.store needs a file name'));
      const bytes = ownedBytes(data);
      return services.call<string>('results.store', [fileName, bytes, mimeType], [bytes.buffer as ArrayBuffer]);
    },
  };
}

function createVirtualPlugins(services: ServiceClient): VirtualPlugins {
  return {
    create: (definition: VirtualPluginDefinition) => services.call<VirtualPluginRecord>('virtualPlugins.create', [definition]),
    remove: (id: string) => services.call<void>('virtualPlugins.remove', [id]),
    list: () => services.call<VirtualPluginRecord[]>('virtualPlugins.list', []),
  };
}
