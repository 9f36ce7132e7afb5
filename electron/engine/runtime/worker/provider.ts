/** The provider a plugin receives (the SDK contract (docs/sdk.md)), built inside the tool-host worker. */
import fs from 'node:fs';
import type { Metadata } from '../../../../shared/metadata.js';
import {
  SDK_VERSION, type DataBlobs, type Environment, type InputAnchor, type IO, type JsonValue, type OutputAnchor, type PluginState,
  type Provider, type RecordRow, type RecordValue, type Records, type Results, type VirtualPluginDefinition,
  type VirtualPluginRecord, type VirtualPlugins,
} from '../../../../shared/sdk/plugin.js';
import { capText } from '../messageLimits.js';
import { packetFromColumns, packetFromRows } from '../../../../shared/sdk/packetFactory.js';
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

/** what createProvider returns: the provider, and `retire()` for when the tool's run has ended */
export interface ToolProvider {
  provider: Provider;
  /**
   * Cuts the provider off its worker: a plugin's timer or promise still running after its tool ended
   * must not post messages, fail, or reach state/blobs/results through whichever tool the worker
   * hosts next (services answer for the tool attached now). Its messages are dropped and its
   * service calls reject.
   */
  retire(): void;
}

type ServiceCall = ServiceClient['call'];

export function createProvider(parts: ProviderParts): ToolProvider {
  const { job, failure } = parts;
  let live = true;
  const post = (message: WorkerToHost) => {
    if (live) parts.post(message);
  };
  const call: ServiceCall = (method, args, transfer) => live ? parts.services.call(method, args, transfer)
    : Promise.reject(new Error(`tool ${job.toolId} has finished: its provider can no longer call ${method}`));
  const services = { call };
  const io: IO = {
    info: (message) => post({ type: 'message', level: 'info', text: capText(String(message)) }),
    warn: (message) => post({ type: 'message', level: 'warn', text: capText(String(message)) }),
    error: (message) => {
      if (live) failure.fail({ phase: 'io.error', message: String(message) });
    },
    updateProgress: (fraction) => {
      const value = Number(fraction);
      if (Number.isFinite(value)) post({ type: 'progress', fraction: Math.min(1, Math.max(0, value)) });
    },
  };
  const provider = Object.freeze({
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
    connections: Object.freeze({ ...job.connections }),
  });
  return { provider, retire: () => (live = false) };
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

function createState(services: { call: ServiceCall }): PluginState {
  return {
    get: (key) => services.call<JsonValue | undefined>('state.get', [checkKey(key)]),
    set: (key, value) => {
      let json: string | undefined;
      try {
        json = JSON.stringify(value);
      } catch (error) {
        // a BigInt or a cycle: a rejected promise like every other refusal, not a synchronous throw
        return Promise.reject(new Error(`state values must be JSON: ${error instanceof Error ? error.message : String(error)}`));
      }
      if (json === undefined) return Promise.reject(new Error('state values must be JSON'));
      return services.call<void>('state.set', [checkKey(key), JSON.parse(json) as JsonValue]);
    },
    delete: (key) => services.call<void>('state.delete', [checkKey(key)]),
    keys: () => services.call<string[]>('state.keys', []),
  };
}

function createBlobs(services: { call: ServiceCall }): DataBlobs {
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

function createResults(services: { call: ServiceCall }): Results {
  return {
    store: (fileName, data, mimeType) => {
      if (typeof fileName !== 'string' || fileName === '') return Promise.reject(new Error('results.store needs a file name'));
      const bytes = ownedBytes(data);
      return services.call<string>('results.store', [fileName, bytes, mimeType], [bytes.buffer as ArrayBuffer]);
    },
  };
}

function createVirtualPlugins(services: { call: ServiceCall }): VirtualPlugins {
  return {
    create: (definition: VirtualPluginDefinition) => services.call<VirtualPluginRecord>('virtualPlugins.create', [definition]),
    remove: (id: string) => services.call<void>('virtualPlugins.remove', [id]),
    list: () => services.call<VirtualPluginRecord[]>('virtualPlugins.list', []),
  };
}
