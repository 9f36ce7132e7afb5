// The in-database planner and SQL generator against a real DuckDB, and the same workflow through
// the streaming engine: the same rows (order, types, nulls, int64 past 2^53, unicode) in both.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTestWorkflow, testWorkflow } from '../testing/index.js';
import { duckdbDialect } from './duckdbDialect.js';
import { planInDatabase } from './inDatabasePlan.js';
import { runPart, type SqlSession } from './partSql.js';

let dir: string;
let db: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-indb-'));
  db = await DuckDBInstance.create(':memory:');
  connection = await db.connect();
  await connection.run(`COPY (SELECT * FROM (VALUES
    (9007199254740993::BIGINT, 'Zürich', 150.5::DOUBLE, 3::BIGINT, true),
    (2::BIGINT, '東京', 99.0::DOUBLE, 5::BIGINT, true),
    (3::BIGINT, NULL, 300.25::DOUBLE, NULL, true),
    (4::BIGINT, 'Oslo', 120.0::DOUBLE, 2::BIGINT, NULL),
    (5::BIGINT, 'Lima', 120.0::DOUBLE, 7::BIGINT, true),
    (6::BIGINT, 'Kyiv', 101.0::DOUBLE, 4::BIGINT, false)
  ) t(id, city, amount, qty, flag)) TO '${path.join(dir, 'in.parquet')}' (FORMAT parquet)`);
});
afterAll(() => {
  connection?.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
});

function session(): SqlSession {
  return {
    run: async (sql) => { await connection.run(sql); },
    fields: async (relation) => (await connection.runAndReadAll(`SELECT * FROM ${relation} LIMIT 0`)).columnNames(),
    count: async (relation) => Number((await connection.runAndReadAll(`SELECT count(*) FROM ${relation}`)).getRows()[0][0]),
  };
}

async function rows(file: string): Promise<unknown[][]> {
  const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
  return [reader.columnNames(), ...reader.getRows().map((r) => r.map((v) => (typeof v === 'bigint' ? `${v}n` : v)))];
}

const chain = (filter: string, output: string) => testWorkflow({
  input: { plugin: 'weft/input-data', config: { path: path.join(dir, 'in.parquet'), format: 'parquet' } },
  filter: { plugin: 'weft/filter', config: { expression: filter } },
  formula: { plugin: 'weft/formula', config: { formulas: [{ field: 'total', expression: '[amount] * [qty]' }, { field: 'big', expression: 'IF [total] > 400 THEN "big" ELSEIF IsNull([total]) THEN "none" ELSE "small" ENDIF' }] } },
  sort: { plugin: 'weft/sort', config: { keys: [{ field: 'amount', order: 'desc' }] } },
  output: { plugin: 'weft/output-data', config: { path: output, format: 'parquet' } },
}, [['input.Output', 'filter.Input'], ['filter.True', 'formula.Input'], ['formula.Output', 'sort.Input'], ['sort.Output', 'output.Input']]);

describe('in-database planner', () => {
  it('a chain of translatable tools is one part', () => {
    const workflow = chain('[amount] > 100 AND [flag]', path.join(dir, 'x.parquet'));
    const plan = planInDatabase(workflow.tools, workflow.connections, duckdbDialect, dir);
    expect(plan.streaming.size).toBe(0);
    expect(plan.parts.map((p) => p.tools)).toEqual([['input', 'filter', 'formula', 'sort', 'output']]);
  });

  it('a function without an exact translation keeps its tool streaming, and the tools joined to it (fail closed)', () => {
    const workflow = chain('Contains([city], "o") AND [flag]', path.join(dir, 'x.parquet'));
    const plan = planInDatabase(workflow.tools, workflow.connections, duckdbDialect, dir);
    expect(plan.streaming.get('filter')).toMatch(/Contains\(\) has no exact translation in duckdb/);
    expect(plan.streaming.get('sort')).toMatch(/connected to a tool that streams/);
    expect(plan.parts).toEqual([]);
  });

  it('a setting without a translation keeps the tool streaming', () => {
    const workflow = testWorkflow({ input: { plugin: 'weft/input-data', config: { path: 'a.parquet', format: 'parquet', skipRows: 2 } } });
    expect(planInDatabase(workflow.tools, workflow.connections, duckdbDialect, dir).streaming.get('input')).toMatch(/skipRows = 2/);
  });
});

describe('in-database run of a part', () => {
  it('gives the rows the streaming engine gives, with a count on every anchor', async () => {
    const viaDuckdb = path.join(dir, 'duckdb.parquet');
    const viaStreaming = path.join(dir, 'streaming.parquet');
    const sqlChain = chain('[amount] > 100 AND [flag]', viaDuckdb);
    const [part] = planInDatabase(sqlChain.tools, sqlChain.connections, duckdbDialect, dir).parts;
    const result = await runPart(sqlChain.tools.filter((t) => part.tools.includes(t.id)), part.connections, duckdbDialect, session(), dir);
    expect(Object.fromEntries([...result.anchors].map(([k, v]) => [k, v.records]))).toEqual({ 'input.Output': 6, 'filter.True': 3, 'filter.False': 3, 'formula.Output': 3, 'sort.Output': 3 });

    const streamed = await runTestWorkflow(chain('[amount] > 100 AND [flag]', viaStreaming), { mode: 'full', workflowDir: dir });
    expect(streamed.summary.status).toBe('ok');
    const expected = await rows(viaStreaming);
    expect(expected.length).toBe(4);
    expect(await rows(viaDuckdb)).toEqual(expected);
  });
});

describe('a full run with engine in-database', () => {
  it('runs the part in DuckDB: same file as streaming, counts and previews on every anchor, engine per tool', async () => {
    const viaRunner = path.join(dir, 'runner.parquet');
    const viaStreaming = path.join(dir, 'runner-streaming.parquet');
    const run = await runTestWorkflow(chain('[amount] > 100 AND [flag]', viaRunner), { mode: 'full', workflowDir: dir, engine: 'in-database' });
    expect(run.summary.status).toBe('ok');
    expect(Object.values(run.summary.tools).map((t) => t.engine)).toEqual(Array(5).fill('in-database'));
    expect(run.summary.tools.filter.outputs.False.records).toBe(3);
    expect(run.previews['sort.Output'].map((r) => r.id)).toEqual(['3', '9007199254740993', '5']);
    await runTestWorkflow(chain('[amount] > 100 AND [flag]', viaStreaming), { mode: 'full', workflowDir: dir });
    expect(await rows(viaRunner)).toEqual(await rows(viaStreaming));
  });

  it('a chain that does not translate streams, says why, and still gives its rows', async () => {
    const run = await runTestWorkflow(chain('Contains([city], "i") AND [flag]', path.join(dir, 'contains.parquet')), { mode: 'full', workflowDir: dir, engine: 'in-database' });
    expect(run.summary.status).toBe('ok');
    expect(run.summary.tools.filter.engine).toBe('streaming');
    expect(run.summary.tools.filter.messages.map((m) => m.text)).toContain('streams: Contains() has no exact translation in duckdb');
    expect(run.summary.tools.sort.outputs.Output.records).toBe(2);
  });
});

