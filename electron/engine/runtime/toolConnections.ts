/**
 * Which named database connections a tool's worker receives: those named by config properties
 * whose schema says `"x-weft-widget": "connection"`, for built-in tools only (a third-party
 * plugin never sees a stored password). Resolved on the host when the job is built, so the
 * tool's constructor has them synchronously (update-only reads a table's fields there).
 */
import type { DatabaseConnection } from '../../../shared/databaseConnection.js';
import type { PlannedTool } from './runPlan.js';

export interface ConnectionLookup {
  get(name: string): DatabaseConnection | undefined;
}

/** config property names whose schema marks them as a connection name */
function connectionProperties(schema: Record<string, unknown>): string[] {
  const properties = schema.properties;
  if (!properties || typeof properties !== 'object') return [];
  return Object.entries(properties as Record<string, { 'x-weft-widget'?: unknown }>)
    .filter(([, p]) => p && typeof p === 'object' && p['x-weft-widget'] === 'connection')
    .map(([name]) => name);
}

export function connectionsNamedBy(tool: PlannedTool, lookup: ConnectionLookup | undefined): Record<string, DatabaseConnection> {
  const descriptor = tool.resolved?.descriptor;
  const out: Record<string, DatabaseConnection> = {};
  if (!lookup || !descriptor || descriptor.source !== 'builtin') return out;
  for (const property of connectionProperties(descriptor.configSchema)) {
    const name = tool.config[property];
    if (typeof name !== 'string' || name === '' || Object.hasOwn(out, name)) continue;
    try {
      const connection = lookup.get(name);
      if (connection) out[name] = connection;
    } catch {
      // an unreadable store reads as "no such connection": the tool names it in its error
    }
  }
  return out;
}
