/**
 * The in-database planner: which tools of a workflow run as SQL. A tool is a candidate when its
 * config translates (toolSql.ts); candidates joined by connections form parts, and each part would
 * run as one query. Until data crosses between the database and streaming tools as Arrow, a part
 * runs in the database only when none of its connections leads to or from a streaming tool;
 * every other tool streams, with the reason.
 */
import type { Connection, ToolNode } from '../../../shared/workflow.js';
import type { SqlDialect } from './sqlDialect.js';
import { toolToSql } from './toolSql.js';

export interface InDatabasePart {
  /** tool ids, in the workflow's order */
  tools: string[];
  connections: Connection[];
}

export interface InDatabasePlan {
  parts: InDatabasePart[];
  /** tool id → why it streams */
  streaming: Map<string, string>;
}

export function planInDatabase(tools: ToolNode[], connections: Connection[], dialect: SqlDialect, workflowDir: string | null): InDatabasePlan {
  const streaming = new Map<string, string>();
  for (const tool of tools) {
    const inputs: Record<string, string> = {};
    for (const c of connections) if (c.to.tool === tool.id) inputs[c.to.anchor] = 'input';
    const result = toolToSql({ plugin: tool.plugin, config: tool.config, inputs, fields: null, workflowDir }, dialect);
    if (!result.ok) streaming.set(tool.id, result.reason);
  }
  // parts: connected candidates (union-find over connections between two candidates)
  const parent = new Map(tools.filter((t) => !streaming.has(t.id)).map((t) => [t.id, t.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(id, r);
    return r;
  };
  for (const c of connections) {
    if (parent.has(c.from.tool) && parent.has(c.to.tool)) parent.set(root(c.from.tool), root(c.to.tool));
  }
  const byRoot = new Map<string, InDatabasePart>();
  for (const tool of tools) {
    if (!parent.has(tool.id)) continue;
    const r = root(tool.id);
    if (!byRoot.has(r)) byRoot.set(r, { tools: [], connections: [] });
    byRoot.get(r)!.tools.push(tool.id);
  }
  const partOf = new Map<string, InDatabasePart>();
  for (const part of byRoot.values()) for (const id of part.tools) partOf.set(id, part);
  const crossing = new Set<InDatabasePart>();
  for (const c of connections) {
    const from = partOf.get(c.from.tool);
    const to = partOf.get(c.to.tool);
    if (from && from === to) from.connections.push(c);
    else for (const part of [from, to]) if (part) crossing.add(part);
  }
  for (const part of crossing) {
    for (const id of part.tools) streaming.set(id, 'it is connected to a tool that streams (data does not cross between the two yet)');
  }
  return { parts: [...byRoot.values()].filter((p) => !crossing.has(p)), streaming };
}
