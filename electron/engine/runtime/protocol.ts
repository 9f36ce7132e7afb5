/**
 * Messages between the scheduler (host process), the tool-host workers, and the two ends of a
 * connection. Control travels over the worker's parent port; records travel worker → worker over
 * each connection's own MessagePort.
 */
import type { MessagePort } from 'node:worker_threads';
import type { Metadata } from '../../../shared/metadata.js';
import type { MessageLevel, PreviewRow, ToolMessage } from '../../../shared/runEvents.js';
import type { DatabaseConnection } from '../../../shared/databaseConnection.js';
import type { VirtualPluginRecord } from '../../../shared/sdk/plugin.js';
import type { PacketWire } from './packets/packetWire.js';

/** What a worker needs to know to host one tool, in either mode. */
export interface ToolJobBase {
  runId: string;
  toolId: string;
  /** full id of the class's own tool (the parent's, for a virtual tool) */
  classToolId: string;
  entryPath: string;
  config: Record<string, unknown>;
  workflowDir: string | null;
  /** created on first use, removed by the host after the run */
  tempDir: string;
  weftVersion: string;
  virtualPlugin: VirtualPluginRecord | null;
  /** the named database connections the tool's config names (built-in tools only; toolConnections.ts) */
  connections: Record<string, DatabaseConnection>;
}

export interface FullToolJob extends ToolJobBase {
  inputs: Array<{ anchor: string; connections: Array<{ name: string; port: MessagePort }> }>;
  outputs: Array<{ anchor: string; connections: Array<{ id: string; port: MessagePort }> }>;
  previewRows: number;
  /** packets a consumer lets its producer send ahead of processing, per connection */
  credit: number;
  /** keep every output anchor's rows in the anchor cache (docs/cache.md): files go to `dir`, `<index>.arrow` by output */
  cache?: { dir: string; budgetBytes: number };
}

/** A tool whose outputs come from the anchor cache: its files are replayed into the given connections. */
export interface ReplayToolJob {
  toolId: string;
  outputs: Array<{
    anchor: string;
    /** null: the anchor was never opened (its connections close empty) */
    metadata: Metadata | null;
    /** the Arrow IPC file holding the anchor's rows (null when never opened) */
    file: string | null;
    connections: Array<{ id: string; port: MessagePort }>;
  }>;
}

export interface UpdateToolJob extends ToolJobBase {
  inputs: Array<{ anchor: string; connections: Array<{ name: string; metadata: Metadata | null }> }>;
  outputs: string[];
}

export interface UpdateToolResult {
  requestId: number;
  failure: { phase: string; message: string } | null;
  outputs: Record<string, Metadata>;
  messages: ToolMessage[];
}

export type HostToWorker =
  /** `control`: the job's private port; every WorkerToHost message of the job goes there, not to the parent port */
  | { type: 'start-tool'; job: FullToolJob; control: MessagePort }
  /** like start-tool, for a tool whose outputs are replayed from the anchor cache */
  | { type: 'replay-tool'; job: ReplayToolJob; control: MessagePort }
  | { type: 'drop-output'; connectionId: string }
  | { type: 'update-tool'; requestId: number; job: UpdateToolJob }
  | { type: 'service-reply'; id: number; ok: true; value: unknown }
  | { type: 'service-reply'; id: number; ok: false; error: string };

export type WorkerToHost =
  | { type: 'ready' }
  | { type: 'anchor-opened'; anchor: string; metadata: Metadata }
  | { type: 'anchor-records'; anchor: string; records: number }
  /** `cacheBytes`: the anchor's rows were kept in the anchor cache, in a file of this size */
  | { type: 'anchor-closed'; anchor: string; records: number; preview: PreviewRow[]; truncated: boolean; cacheBytes?: number }
  | { type: 'message'; level: MessageLevel; text: string }
  | { type: 'progress'; fraction: number }
  /** bytes the worker holds: V8 heap used + external memory (ArrayBuffers); see memoryWatch.ts */
  | { type: 'memory'; bytes: number }
  /** a packet waits for credit on a connection whose consumer has not started: start it */
  | { type: 'needs-consumer'; connectionId: string }
  | { type: 'service'; id: number; method: ServiceMethod; args: unknown[] }
  /** `reusable` false: the plugin left timers or I/O running, so the worker must not host another tool */
  | { type: 'done'; reusable?: boolean }
  | { type: 'failed'; phase: string; message: string; stack?: string }
  | ({ type: 'update-result' } & UpdateToolResult);

export type ServiceMethod =
  | 'state.get' | 'state.set' | 'state.delete' | 'state.keys'
  | 'blobs.put' | 'blobs.get' | 'blobs.delete' | 'blobs.list'
  | 'results.store'
  | 'virtualPlugins.create' | 'virtualPlugins.remove' | 'virtualPlugins.list';

/** On a connection's port. */
export type ConnectionMessage =
  | { t: 'open'; metadata: Metadata }
  | { t: 'packet'; wire: PacketWire }
  | { t: 'close' }
  | { t: 'credit'; n: number };

export const DEFAULT_CREDIT = 4;
