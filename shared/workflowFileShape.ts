/**
 * The shape of a workflow file (docs/workflow-format.md): the fields we know are checked with the
 * path of the offending value (`tools[2].position.x`), notes and groups included; keys we do not know are kept verbatim so
 * that saving writes the file back unchanged.
 */
import type { PlacedError } from './placedError.js';
import { WORKFLOW_FORMAT, WORKFLOW_VERSION, type Connection, type ToolNode, type Workflow } from './workflow.js';
import { checkNotesAndGroups } from './workflowFileNotesGroups.js';
import { describeValue, isJsonObject, type Json, type ShapeReport } from './workflowFileValues.js';

const FULL_ID_PATTERN = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;

const isObject = isJsonObject;
const kindOf = describeValue;

export interface ShapeResult {
  workflow: Workflow | null;
  errors: PlacedError[];
}

/** checks the shape of a parsed workflow; the result shares unknown values with `value` */
export function checkWorkflowShape(value: unknown, file: string | undefined): ShapeResult {
  const errors: PlacedError[] = [];
  const error = (path: string, message: string, tool?: string) =>
    errors.push({ message, ...(file !== undefined && { file }), ...(path && { path }), ...(tool !== undefined && { tool }) });

  if (!isObject(value)) {
    error('', `a workflow file holds a JSON object, found ${kindOf(value)}`);
    return { workflow: null, errors };
  }
  if (value.format !== WORKFLOW_FORMAT) {
    error('format', value.format === undefined
      ? `missing "format" (expected "${WORKFLOW_FORMAT}")`
      : `unknown format ${JSON.stringify(value.format)} (expected "${WORKFLOW_FORMAT}")`);
    return { workflow: null, errors };
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    error('version', `expected a whole number of at least 1, found ${kindOf(version)}`);
    return { workflow: null, errors };
  }
  if (version > WORKFLOW_VERSION) {
    error('version', `version ${version} is newer than this Weft reads (${WORKFLOW_VERSION}); update Weft to open it`);
    return { workflow: null, errors };
  }

  const tools: ToolNode[] = [];
  if (!Array.isArray(value.tools)) error('tools', `expected an array of tools, found ${kindOf(value.tools)}`);
  else value.tools.forEach((tool, index) => {
    const checked = checkTool(tool, `tools[${index}]`, error);
    if (checked) tools.push(checked);
  });

  const connections: Connection[] = [];
  const rawConnections = value.connections ?? [];
  if (!Array.isArray(rawConnections)) error('connections', `expected an array of connections, found ${kindOf(rawConnections)}`);
  else rawConnections.forEach((connection, index) => {
    const checked = checkConnection(connection, `connections[${index}]`, error);
    if (checked) connections.push(checked);
  });

  const { notes, groups } = checkNotesAndGroups(value, error);
  if (value.engine !== undefined && value.engine !== 'streaming' && value.engine !== 'in-database') {
    error('engine', `expected "streaming" or "in-database", found ${JSON.stringify(value.engine)}`);
  }

  if (errors.length > 0) return { workflow: null, errors };
  return {
    workflow: {
      ...value, format: WORKFLOW_FORMAT, version, tools, connections,
      ...(notes !== undefined && { notes }), ...(groups !== undefined && { groups }),
    },
    errors,
  };
}

type Report = ShapeReport;

function checkTool(tool: unknown, at: string, error: Report): ToolNode | null {
  if (!isObject(tool)) {
    error(at, `expected a tool object, found ${kindOf(tool)}`);
    return null;
  }
  let ok = true;
  const id = typeof tool.id === 'string' && tool.id !== '' ? tool.id : undefined;
  if (id === undefined) {
    error(`${at}.id`, `expected a non-empty string, found ${kindOf(tool.id)}`);
    ok = false;
  }
  if (typeof tool.plugin !== 'string' || !FULL_ID_PATTERN.test(tool.plugin)) {
    error(`${at}.plugin`, `expected a full tool id "<package>/<tool id>", found ${kindOf(tool.plugin)}`, id);
    ok = false;
  }
  if (tool.config !== undefined && !isObject(tool.config)) {
    error(`${at}.config`, `expected an object, found ${kindOf(tool.config)}`, id);
    ok = false;
  }
  if (tool.position !== undefined) {
    if (!isObject(tool.position)) {
      error(`${at}.position`, `expected an object {x, y}, found ${kindOf(tool.position)}`, id);
      ok = false;
    } else {
      for (const axis of ['x', 'y'] as const) {
        const coordinate = tool.position[axis];
        if (typeof coordinate !== 'number' || !Number.isFinite(coordinate)) {
          error(`${at}.position.${axis}`, `expected a number, found ${kindOf(coordinate)}`, id);
          ok = false;
        }
      }
    }
  }
  if (tool.annotation !== undefined && typeof tool.annotation !== 'string') {
    error(`${at}.annotation`, `expected a string, found ${kindOf(tool.annotation)}`, id);
    ok = false;
  }
  if (tool.group !== undefined && (typeof tool.group !== 'string' || tool.group === '')) {
    error(`${at}.group`, `expected a group id, found ${kindOf(tool.group)}`, id);
    ok = false;
  }
  if (!ok) return null;
  return {
    ...tool,
    id: id!,
    plugin: tool.plugin as string,
    config: (tool.config as Json | undefined) ?? {},
    position: (tool.position as { x: number; y: number } | undefined) ?? { x: 0, y: 0 },
  };
}

function checkAnchorRef(ref: unknown, at: string, error: Report): boolean {
  if (!isObject(ref)) {
    error(at, `expected an object {tool, anchor}, found ${kindOf(ref)}`);
    return false;
  }
  let ok = true;
  for (const key of ['tool', 'anchor'] as const) {
    if (typeof ref[key] !== 'string' || ref[key] === '') {
      error(`${at}.${key}`, `expected a non-empty string, found ${kindOf(ref[key])}`);
      ok = false;
    }
  }
  return ok;
}

function checkConnection(connection: unknown, at: string, error: Report): Connection | null {
  if (!isObject(connection)) {
    error(at, `expected a connection object {from, to}, found ${kindOf(connection)}`);
    return null;
  }
  const fromOk = checkAnchorRef(connection.from, `${at}.from`, error);
  const toOk = checkAnchorRef(connection.to, `${at}.to`, error);
  let nameOk = true;
  if (connection.name !== undefined && (typeof connection.name !== 'string' || connection.name === '')) {
    error(`${at}.name`, `expected a non-empty string, found ${kindOf(connection.name)}`);
    nameOk = false;
  }
  if (!fromOk || !toOk || !nameOk) return null;
  return connection as Connection;
}
