/**
 * One built-in tool as SQL: each output anchor a SELECT over its inputs' relations, or the reason it
 * stays streaming. Every relation carries a hidden row-order column (ROW), so input order, and
 * the order a tool defines, survive exactly; outputs drop it.
 */
import path from 'node:path';
import { formulaToSql } from './formulaSql.js';
import type { FileFormat, SqlDialect } from './sqlDialect.js';

export const ROW = '__weft_row';

export interface ToolSql {
  /** output anchor → SELECT */
  outputs: Record<string, string>;
  /** statements that write files (Output Data), run after every relation exists */
  writes: Array<{ sql: string; path: string }>;
}

export type ToolSqlResult = { ok: true; sql: ToolSql } | { ok: false; reason: string };

export interface ToolSqlInput {
  plugin: string;
  config: Record<string, unknown>;
  /** input anchor → the relation (table name) holding its rows */
  inputs: Record<string, string>;
  /** input anchor → its field names, when known (null: the planner only asks whether it translates) */
  fields: Record<string, string[]> | null;
  workflowDir: string | null;
}

type Translate = (input: ToolSqlInput, d: SqlDialect) => ToolSqlResult;

const no = (reason: string): ToolSqlResult => ({ ok: false, reason });
const one = (anchor: string, select: string): ToolSqlResult => ({ ok: true, sql: { outputs: { [anchor]: select }, writes: [] } });

/** config keys other than `allowed` (or at a value other than the allowed one) make the tool stream */
function unexpected(config: Record<string, unknown>, allowed: Record<string, (v: unknown) => boolean>): string | null {
  for (const [key, value] of Object.entries(config)) {
    const check = allowed[key];
    if (!check || !check(value)) return `its setting ${key} = ${JSON.stringify(value)} is not translated`;
  }
  return null;
}
const any = () => true;
const is = (...values: unknown[]) => (v: unknown) => values.includes(v);
const emptyText = (v: unknown) => v === '' || v === undefined;

function fileFormat(config: Record<string, unknown>, file: string): FileFormat | null {
  const format = config.format === 'auto' || config.format === undefined ? path.extname(file).slice(1).toLowerCase() : config.format;
  return format === 'csv' || format === 'parquet' || format === 'ndjson' ? format : null;
}

function resolvePath(file: string, workflowDir: string | null): string {
  return path.isAbsolute(file) || workflowDir === null ? file : path.join(workflowDir, file);
}

const inputData: Translate = ({ config, workflowDir }, d) => {
  const problem = unexpected(config, {
    source: is('file'), path: any, format: any, delimiter: is(','), quote: is('"'), hasHeader: is(true), encoding: is('utf8'),
    skipRows: is(0), sheet: any, connection: emptyText, table: emptyText, query: emptyText,
    fieldTypes: (v) => typeof v === 'object' && v !== null && Object.keys(v).length === 0,
  });
  if (problem) return no(problem);
  const file = typeof config.path === 'string' ? resolvePath(config.path, workflowDir) : '';
  const format = fileFormat(config, file);
  // CSV typing follows Weft's own reader (docs/tools.md), not DuckDB's sniffer: not yet translated
  if (format === null || format === 'csv') return no(`reading ${format ?? 'this format'} files is not translated`);
  const read = d.readFile(file, format);
  if (read === null) return no(`${d.name} cannot read ${format} files`);
  return one('Output', `SELECT *, ${d.rowNumber()} AS ${ROW} FROM ${read}`);
};

const filter: Translate = ({ config, inputs }, d) => {
  const problem = unexpected(config, { expression: any });
  if (problem) return no(problem);
  const condition = formulaToSql(String(config.expression ?? ''), d);
  if (!condition.ok) return no(condition.reason);
  const input = inputs.Input;
  // a null condition goes to False
  return { ok: true, sql: { outputs: {
    True: `SELECT * FROM ${input} WHERE (${condition.sql}) IS TRUE`,
    False: `SELECT * FROM ${input} WHERE (${condition.sql}) IS NOT TRUE`,
  }, writes: [] } };
};

const formula: Translate = ({ config, inputs, fields }, d) => {
  const problem = unexpected(config, { formulas: Array.isArray });
  if (problem) return no(problem);
  const known = new Set(fields?.Input ?? []);
  let select = `SELECT * FROM ${inputs.Input}`;
  for (const entry of config.formulas as Array<Record<string, unknown>>) {
    // an output type or size converts (with warnings) in the streaming tool: not translated
    if (Object.keys(entry).some((k) => k !== 'field' && k !== 'expression')) return no('a formula with a type or size is not translated');
    const value = formulaToSql(String(entry.expression ?? ''), d);
    if (!value.ok) return no(value.reason);
    // an existing field keeps its type in the tool (a conversion): not translated
    if (known.has(String(entry.field))) return no(`the formula writes the existing field ${entry.field}`);
    known.add(String(entry.field));
    // each formula sees the fields written by the ones before it; a new field goes last, before ROW
    select = `SELECT * EXCLUDE (${ROW}), ${value.sql} AS ${d.ident(String(entry.field))}, ${ROW} FROM (${select})`;
  }
  return one('Output', select);
};

const sort: Translate = ({ config, inputs }, d) => {
  const problem = unexpected(config, { keys: Array.isArray, memoryBudgetMB: any });
  if (problem) return no(problem);
  const keys = (config.keys as Array<Record<string, unknown>>).map((k) =>
    `${d.ident(String(k.field))} ${k.order === 'desc' ? 'DESC' : 'ASC'} NULLS ${k.nulls === 'first' ? 'FIRST' : 'LAST'}`);
  // ties keep input order: the sort is stable
  return one('Output', `SELECT * EXCLUDE (${ROW}), ${d.rowNumber().replace('OVER ()', `OVER (ORDER BY ${[...keys, ROW].join(', ')})`)} AS ${ROW} FROM ${inputs.Input}`);
};

const AGGREGATES: Record<string, (field: string) => string> = {
  count: () => 'count(*)',
  countNonNull: (f) => `count(${f})`,
  sum: (f) => `sum(${f})`,
  min: (f) => `min(${f})`,
  max: (f) => `max(${f})`,
};

const summarize: Translate = ({ config, inputs }, d) => {
  const problem = unexpected(config, { groupBy: Array.isArray, aggregations: Array.isArray });
  if (problem) return no(problem);
  const groups = (config.groupBy as unknown[]).map((g) => d.ident(String(g)));
  const columns: string[] = [];
  for (const agg of config.aggregations as Array<Record<string, unknown>>) {
    const make = AGGREGATES[String(agg.action)];
    if (!make || typeof agg.outputName !== 'string' || Object.keys(agg).some((k) => !['action', 'field', 'outputName'].includes(k))) {
      return no(`the aggregation ${JSON.stringify(agg)} is not translated`);
    }
    // sums: an integer sum is int64 in the tool (an error past it) where DuckDB widens to HUGEINT, and
    // a double sum's last bits depend on the order DuckDB's threads add in: not translated yet
    if (agg.action === 'sum') return no('sum is not translated yet (int64 sums and the order of double additions)');
    const value = make(d.ident(String(agg.field ?? '')));
    columns.push(`${value} AS ${d.ident(agg.outputName)}`);
  }
  const order = groups.map((g) => `${g} ASC NULLS FIRST`);
  const select = [...groups, ...columns, `${d.rowNumber().replace('OVER ()', `OVER (${order.length > 0 ? `ORDER BY ${order.join(', ')}` : ''})`)} AS ${ROW}`];
  return one('Output', `SELECT ${select.join(', ')} FROM ${inputs.Input}${groups.length > 0 ? ` GROUP BY ${groups.join(', ')}` : ''}`);
};

const outputData: Translate = ({ config, inputs, workflowDir }, d) => {
  const problem = unexpected(config, {
    target: is('file'), path: any, format: any, ifExists: is('overwrite'), delimiter: is(','), sheet: any,
    connection: emptyText, table: emptyText, tableMode: any,
  });
  if (problem) return no(problem);
  const file = typeof config.path === 'string' ? resolvePath(config.path, workflowDir) : '';
  const format = fileFormat(config, file);
  // CSV text (number formatting) follows Weft's own writer: not yet translated
  if (format !== 'parquet') return no(`writing ${format ?? 'this format'} files is not translated`);
  const write = d.writeFile(`SELECT * EXCLUDE (${ROW}) FROM ${inputs.Input} ORDER BY ${ROW}`, file, format);
  if (write === null) return no(`${d.name} cannot write ${format} files`);
  return { ok: true, sql: { outputs: {}, writes: [{ sql: write, path: file }] } };
};

export const TRANSLATORS: Record<string, Translate> = {
  'weft/input-data': inputData,
  'weft/filter': filter,
  'weft/formula': formula,
  'weft/sort': sort,
  'weft/summarize': summarize,
  'weft/output-data': outputData,
};

export function toolToSql(input: ToolSqlInput, dialect: SqlDialect): ToolSqlResult {
  const translate = TRANSLATORS[input.plugin];
  if (!translate) return no('this tool has no SQL translation');
  return translate(input, dialect);
}
