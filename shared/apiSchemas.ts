/**
 * JSON Schemas (draft-07, plain data) for the arguments of every WeftApi command and desktop-shell
 * command, as a tuple per command. Both hosts validate each payload against these before it
 * reaches the engine session, so a renderer (or a page) that sends junk gets an error reply, never
 * a crash. The schemas check shape only; meaning (does the plugin exist, is the config valid) is
 * the engine's job and comes back as a placed error.
 */
import type { DesktopShellCommand } from './apiBridge.js';
import type { WeftApiCommand } from './weftApi.js';

type Schema = Record<string, unknown>;

const MAX_PATH = 4096;
const MAX_ID = 200;

const path: Schema = { type: 'string', minLength: 1, maxLength: MAX_PATH };
const nullablePath: Schema = { anyOf: [path, { type: 'null' }] };
const id: Schema = { type: 'string', minLength: 1, maxLength: MAX_ID };
const packageName: Schema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: MAX_ID };

const connectionName: Schema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' };
const databaseConnection: Schema = {
  type: 'object',
  required: ['name', 'kind', 'host', 'port', 'database', 'user', 'password', 'ssl'],
  additionalProperties: false,
  properties: {
    name: connectionName, kind: { enum: ['postgresql'] }, host: { type: 'string', minLength: 1, maxLength: 1000 },
    port: { type: 'integer', minimum: 1, maximum: 65535 }, database: { type: 'string', maxLength: 1000 }, user: { type: 'string', maxLength: 1000 },
    password: { type: 'string', maxLength: 10_000 }, ssl: { type: 'boolean' },
  },
};

const anchorRef: Schema = {
  type: 'object',
  required: ['tool', 'anchor'],
  properties: { tool: id, anchor: id },
};

const toolNode: Schema = {
  type: 'object',
  required: ['id', 'plugin', 'config', 'position'],
  properties: {
    id,
    plugin: { type: 'string', minLength: 1, maxLength: 2 * MAX_ID + 1 },
    config: { type: 'object' },
    position: {
      type: 'object',
      required: ['x', 'y'],
      properties: { x: { type: 'number' }, y: { type: 'number' } },
    },
    annotation: { type: 'string' },
  },
};

const connection: Schema = {
  type: 'object',
  required: ['from', 'to'],
  properties: { from: anchorRef, to: anchorRef, name: { type: 'string', maxLength: MAX_ID } },
};

const tools: Schema = { type: 'array', items: toolNode };
const connections: Schema = { type: 'array', items: connection };

export const WORKFLOW_SCHEMA: Schema = {
  type: 'object',
  required: ['format', 'version', 'tools', 'connections'],
  properties: {
    format: { const: 'weft-workflow' },
    version: { type: 'integer', minimum: 1 },
    tools,
    connections,
  },
};

const saveAsToolRequest: Schema = {
  type: 'object',
  required: ['id', 'name', 'tools', 'connections'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: MAX_ID },
    name: { type: 'string', minLength: 1, maxLength: MAX_ID },
    description: { type: 'string', maxLength: 10_000 },
    category: { type: 'string', maxLength: MAX_ID },
    tools,
    connections,
  },
};

const pathRequest: Schema = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { enum: ['open-workflow', 'save-workflow', 'folder', 'file', 'save-file'] },
    title: { type: 'string', maxLength: MAX_ID },
    defaultPath: path,
    filters: {
      type: 'array', maxItems: 16,
      items: {
        type: 'object', required: ['name', 'extensions'], additionalProperties: false,
        properties: { name: { type: 'string', maxLength: MAX_ID }, extensions: { type: 'array', maxItems: 32, items: { type: 'string', maxLength: 32 } } },
      },
    },
  },
};

const uiSettings: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    panelSizes: {
      type: 'object',
      maxProperties: 50,
      additionalProperties: { type: 'number', minimum: 0, maximum: 100_000 },
    },
    theme: { enum: ['light', 'dark', 'system'] },
    recentWorkflows: { type: 'array', maxItems: 20, items: path },
    cardSize: { enum: ['compact', 'roomy'] },
  },
};

const documentState: Schema = {
  type: 'object',
  required: ['path', 'dirty'],
  additionalProperties: false,
  properties: { path: nullablePath, dirty: { type: 'boolean' } },
};

const runWorkflowOptions: Schema = {
  anyOf: [{ type: 'object', additionalProperties: false, properties: { incremental: { type: 'boolean' } } }, { type: 'null' }],
};

const anchorSort: Schema = {
  anyOf: [
    { type: 'object', required: ['field', 'descending'], additionalProperties: false, properties: { field: id, descending: { type: 'boolean' } } },
    { type: 'null' },
  ],
};

/** a schema for an argument list: exactly these positional arguments */
function args(...items: Schema[]): Schema {
  if (items.length === 0) return { type: 'array', maxItems: 0 };
  return { type: 'array', items, minItems: items.length, maxItems: items.length, additionalItems: false };
}

/** the argument tuple of each WeftApi command */
export const COMMAND_ARGS_SCHEMAS: Record<WeftApiCommand, Schema> = {
  listTools: args(),
  openWorkflow: args(path),
  saveWorkflow: args(path, WORKFLOW_SCHEMA),
  updateOnly: args(WORKFLOW_SCHEMA, nullablePath),
  runWorkflow: { anyOf: [args(WORKFLOW_SCHEMA, nullablePath), args(WORKFLOW_SCHEMA, nullablePath, runWorkflowOptions)] },
  cancelRun: args(),
  browseRows: args(
    id,
    id,
    id,
    { type: 'integer', minimum: 0 },
    { type: 'integer', minimum: 1, maximum: 100_000 },
  ),
  anchorRows: args(id, id, id, { type: 'integer', minimum: 0 }, { type: 'integer', minimum: 1, maximum: 100_000 }, anchorSort),
  anchorProfile: args(id, id, id),
  listRuns: args(),
  cleanRuns: args({ type: 'number', minimum: 0 }),
  inspectPlugin: args(path),
  installPlugin: args(path, { type: 'boolean' }),
  removePlugin: args(packageName),
  loadPluginFolder: args(path),
  saveAsTool: args(saveAsToolRequest),
  removeVirtualTool: args({ type: 'string', minLength: 3, maxLength: 2 * MAX_ID + 1 }),
  listDirectory: args(nullablePath),
  listExamples: args(),
  listConnections: args(),
  addConnection: args(databaseConnection),
  removeConnection: args(connectionName),
};

/** the argument tuple of each desktop-shell command (Electron only) */
export const SHELL_ARGS_SCHEMAS: Record<DesktopShellCommand, Schema> = {
  pickPath: args(pathRequest),
  setDocumentState: args(documentState),
  closeWindow: args(),
  initialWorkflowPath: args(),
  getUiSettings: args(),
  setUiSettings: args(uiSettings),
};

/** one browser-mode request message (its `args` are then checked against COMMAND_ARGS_SCHEMAS) */
export const REQUEST_MESSAGE_SCHEMA: Schema = {
  type: 'object',
  required: ['id', 'method', 'args'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', minimum: 0 },
    method: { enum: Object.keys(COMMAND_ARGS_SCHEMAS) },
    args: { type: 'array' },
  },
};
