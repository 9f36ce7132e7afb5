/**
 * The typed SDK for plugin authors (the SDK contract (docs/sdk.md)). Types only, plus the optional
 * base class in `basePlugin.ts`: a plugin never needs to import anything from Weft at run time.
 */
import type { Field, FieldType, Metadata } from '../metadata.js';
import type { AnchorManifest } from '../manifest.js';
import type { DatabaseConnection } from '../databaseConnection.js';

export type { Field, FieldType, Metadata };
export type { DatabaseConnection };

/** A cell value as plugins see it (the SDK contract (docs/sdk.md)). */
export type RecordValue = boolean | number | bigint | string | Uint8Array | null;
export type RecordRow = Record<string, RecordValue>;

export interface RecordPacket {
  readonly length: number;
  readonly metadata: Metadata;
  /** array-like of the field's values, `null` for a missing value */
  column(name: string): ArrayLike<RecordValue>;
  rows(): Iterable<RecordRow>;
  /** the Apache Arrow `Table` (package `apache-arrow`) backing this packet */
  readonly table: unknown;
}

export interface InputConnection {
  readonly name: string;
  readonly anchor: string;
  readonly metadata: Metadata;
  /** the current packet; only valid inside `onRecordPacket` */
  read(): RecordPacket;
}

export interface InputAnchor {
  readonly name: string;
  readonly connections: InputConnection[];
}

export interface OutputAnchor {
  readonly name: string;
  readonly metadata: Metadata | null;
  readonly isOpen: boolean;
  open(metadata: Metadata): void;
  write(packet: RecordPacket | RecordRow[]): void | Promise<void>;
  flush(): void | Promise<void>;
  close(): void | Promise<void>;
  /**
   * Weft addition (optional; docs/sdk.md "Where the contract is silent"): connections that
   * receive this anchor's packets now. 0 means no tool reads them (the engine only counts the rows
   * and keeps a short preview), and in update-only runs. `undefined` on hosts that do not say:
   * treat the anchor as read.
   */
  readonly connections?: number;
  /** Weft addition (optional): rows this anchor's preview still takes from the next writes (0 once full). */
  readonly previewRowsWanted?: number;
  /**
   * Weft addition (optional): counts `records` more rows on this anchor without building them;
   * only while `connections === 0`. Write the first `previewRowsWanted` rows first, so the
   * preview shows the anchor's first rows.
   */
  skip?(records: number): void;
}

export interface Environment {
  readonly updateOnly: boolean;
  readonly workflowDir: string | null;
  readonly tempDir: string;
  readonly runId: string;
  readonly sdkVersion: string;
  readonly weftVersion: string;
}

export interface IO {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  updateProgress(fraction: number): void;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface PluginState {
  get(key: string): Promise<JsonValue | undefined>;
  set(key: string, value: JsonValue): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export interface DataBlobs {
  put(key: string, data: Uint8Array | string): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  list(): Promise<string[]>;
}

export interface Results {
  /** stores a file result of this run; returns its absolute path */
  store(fileName: string, data: Uint8Array | string, mimeType?: string): Promise<string>;
}

export interface VirtualPluginDefinition {
  id: string;
  name: string;
  description?: string;
  category?: string;
  inputs: AnchorManifest[];
  outputs: AnchorManifest[];
  configSchema?: Record<string, unknown>;
  defaultConfig?: Record<string, unknown>;
  data: JsonValue;
}

export interface VirtualPluginRecord extends VirtualPluginDefinition {
  /** full id of the parent tool, e.g. `acme/preset-maker` */
  parent: string;
  /** the package that owns it (the parent's package) */
  package: string;
  createdAt: string;
}

export interface VirtualPlugins {
  create(definition: VirtualPluginDefinition): Promise<VirtualPluginRecord>;
  remove(id: string): Promise<void>;
  list(): Promise<VirtualPluginRecord[]>;
}

export interface Records {
  fromRows(metadata: Metadata, rows: RecordRow[]): RecordPacket;
  fromColumns(metadata: Metadata, columns: Record<string, ArrayLike<RecordValue>>): RecordPacket;
}

/** `Config`: the type of this tool's config (`weft plugins new` generates one from its configSchema) */
export interface Provider<Config = Record<string, unknown>> {
  readonly toolId: string;
  /** the config, already validated against the tool's configSchema, over its defaultConfig */
  readonly toolConfig: Config;
  readonly environment: Environment;
  readonly io: IO;
  getInputAnchor(name: string): InputAnchor;
  getOutputAnchor(name: string): OutputAnchor;
  readonly records: Records;
  readonly state: PluginState;
  readonly blobs: DataBlobs;
  readonly results: Results;
  readonly virtualPlugins: VirtualPlugins;
  readonly virtualPlugin: VirtualPluginRecord | null;
  /**
   * Weft addition (optional): the named database connections (with their passwords) that this
   * tool's config names in properties marked `"x-weft-widget": "connection"`. Built-in tools only;
   * empty or absent for every other plugin.
   */
  readonly connections?: Readonly<Record<string, DatabaseConnection>>;
}

export interface Plugin {
  onInputConnectionOpened?(connection: InputConnection): void | Promise<void>;
  onRecordPacket?(connection: InputConnection): void | Promise<void>;
  onComplete?(): void | Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any tool's config type
export type PluginClass = new (provider: Provider<any>) => Plugin;

export const SDK_VERSION = '1.0.0';
