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
  /** `${toolId}.${anchor}` → rows */
  records: Map<string, number>;
  /** every statement run, in order (for messages and tests) */
  statements: string[];
}

export class PartTranslationError extends Error {
  constructor(readonly toolId: string, reason: string) {
    super(`${toolId}: ${reason}`);
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
  const records = new Map<string, number>();
  const statements: string[] = [];
  const writes: string[] = [];
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
    if (!translated.ok) throw new PartTranslationError(tool.id, translated.reason);
    for (const [anchor, select] of Object.entries(translated.sql.outputs)) {
      const table = dialect.ident(`weft_${next++}`);
      const statement = `CREATE TEMP TABLE ${table} AS ${select}`;
      statements.push(statement);
      await session.run(statement);
      tableOf.set(`${tool.id}.${anchor}`, table);
      records.set(`${tool.id}.${anchor}`, await session.count(table));
    }
    writes.push(...translated.sql.writes.map((w) => w.sql));
  }
  for (const write of writes) {
    statements.push(write);
    await session.run(write);
  }
  return { records, statements };
}
