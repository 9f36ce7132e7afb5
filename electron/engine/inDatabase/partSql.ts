/**
 * Runs one in-database part (inDatabasePlan.ts) through a SQL session: each output anchor of each
 * tool becomes a temporary table, in topological order, so its field names are known to the tools
 * after it, and its row count and preview are one query on it; Output Data's writes run last.
 * The session is the dialect's (DuckDB embedded; a database connection for the next dialects).
 */
import type { Connection, ToolNode } from '../../../shared/workflow.js';
import type { SqlDialect } from './sqlDialect.js';
import { ROW, toolToSql } from './toolSql.js';

export interface SqlSession {
  run(sql: string): Promise<void>;
  /** field names of a relation, in order */
  fields(relation: string): Promise<string[]>;
  count(relation: string): Promise<number>;
}

export interface PartResult {
  /** `${toolId}.${anchor}` → its table and row count */
  anchors: Map<string, { table: string; records: number }>;
  /** every statement run, in order (for messages and tests) */
  statements: string[];
}

/**
 * Where a part stopped: `translate` (a tool had no SQL once its input fields were known) and
 * `relation` (the database refused a query, e.g. `+` on text) happen before any file is written,
 * so the part can run streaming instead; `write` is an Output Data failure.
 */
export class PartRunError extends Error {
  constructor(readonly detail: { toolId: string | null; phase: 'translate' | 'relation' | 'write'; message: string }) {
    super(`${detail.toolId ?? 'in-database'}: ${detail.message}`);
  }
}

function topological(tools: ToolNode[], connections: Connection[]): ToolNode[] {
  const done = new Set<string>();
  const order: ToolNode[] = [];
  while (order.length < tools.length) {
    const next = tools.find((t) => !done.has(t.id) && connections.every((c) => c.to.tool !== t.id || done.has(c.from.tool)));
    if (!next) throw new Error('the part has a cycle');
    done.add(next.id);
    order.push(next);
  }
  return order;
}

export async function runPart(tools: ToolNode[], connections: Connection[], dialect: SqlDialect, session: SqlSession, workflowDir: string | null): Promise<PartResult> {
  const tableOf = new Map<string, string>();
  const anchors = new Map<string, { table: string; records: number }>();
  const statements: string[] = [];
  const writes: Array<{ toolId: string; sql: string }> = [];
  let next = 0;
  for (const tool of topological(tools, connections)) {
    const inputs: Record<string, string> = {};
    const fields: Record<string, string[]> = {};
    for (const c of connections.filter((x) => x.to.tool === tool.id)) {
      const table = tableOf.get(`${c.from.tool}.${c.from.anchor}`)!;
      inputs[c.to.anchor] = table;
      fields[c.to.anchor] = (await session.fields(table)).filter((f) => f !== ROW);
    }
    const translated = toolToSql({ plugin: tool.plugin, config: tool.config, inputs, fields, workflowDir }, dialect);
    if (!translated.ok) throw new PartRunError({ toolId: tool.id, phase: 'translate', message: translated.reason });
    for (const [anchor, select] of Object.entries(translated.sql.outputs)) {
      const table = dialect.ident(`weft_${next++}`);
      const statement = `CREATE TEMP TABLE ${table} AS ${select}`;
      statements.push(statement);
      try {
        await session.run(statement);
      } catch (error) {
        throw new PartRunError({ toolId: tool.id, phase: 'relation', message: (error as Error).message });
      }
      tableOf.set(`${tool.id}.${anchor}`, table);
      anchors.set(`${tool.id}.${anchor}`, { table, records: await session.count(table) });
    }
    writes.push(...translated.sql.writes.map((w) => ({ toolId: tool.id, sql: w.sql })));
  }
  for (const write of writes) {
    statements.push(write.sql);
    try {
      await session.run(write.sql);
    } catch (error) {
      throw new PartRunError({ toolId: write.toolId, phase: 'write', message: (error as Error).message });
    }
  }
  return { anchors, statements };
}
