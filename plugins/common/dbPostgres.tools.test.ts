// Input Data's database source and Output Data's database target against a real PostgreSQL
// server (started here; the tests fail, saying so, when PostgreSQL is not installed).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEngine, startPostgres, testWorkflow } from '../../electron/engine/testing/index.js';
import type { TestEngine, TestPostgres } from '../../electron/engine/testing/index.js';

let server: TestPostgres;
let engine: TestEngine;
let sql: pg.Client;

beforeAll(async () => {
  process.env.WEFT_KEYCHAIN = 'off';
  server = await startPostgres();
  engine = await createTestEngine();
  engine.registry.stores.connections.add({
    name: 'warehouse', kind: 'postgresql', host: server.host, port: server.port, database: server.database,
    user: server.user, password: server.password, ssl: false,
  });
  sql = new pg.Client({ connectionString: server.url });
  await sql.connect();
  await sql.query(`
    CREATE TABLE sales (id bigint, name text, code varchar(8), amount numeric(12,2), ratio double precision, ok boolean,
                        day date, at timestamp, atz timestamptz, tiny smallint, raw bytea);
    INSERT INTO sales VALUES
      (9007199254740993, 'Zoë "quoted"', 'A1', 12.50, 0.25, true, '2026-11-21', '2026-11-21 13:05:00', '2026-11-21 13:05:00+02', 3, '\\xdeadbeef'),
      (-5, '', 'B', NULL, NULL, false, NULL, NULL, NULL, NULL, NULL),
      (7, '日本語, "multi
line"', NULL, -0.05, 1e300, NULL, '1999-12-31', '2000-01-01 00:00:00.5', NULL, -32768, '\\x');`);
}, 60_000);

afterAll(async () => {
  await sql?.end();
  await engine?.dispose();
  server?.stop();
});

const source = (config: Record<string, unknown>) => ({ plugin: 'weft/input-data', config: { source: 'database', connection: 'warehouse', ...config } });
const target = (config: Record<string, unknown>) => ({ plugin: 'weft/output-data', config: { target: 'database', connection: 'warehouse', ...config } });
const errors = (summary: { tools: Record<string, { messages: { level: string; text: string }[] }> }, tool: string) =>
  summary.tools[tool].messages.filter((m) => m.level === 'error').map((m) => m.text).join('\n');

describe('PostgreSQL source and target through the engine', () => {
  it('update-only shows a table\'s fields with their types, reading no rows', async () => {
    const { summary } = await engine.run(testWorkflow({ t1: source({ table: 'public.sales' }) }), { mode: 'update' });
    expect(summary.status).toBe('ok');
    expect(summary.tools.t1.outputs.Output.metadata.fields).toEqual([
      { name: 'id', type: 'int64' }, { name: 'name', type: 'v_wstring' }, { name: 'code', type: 'v_wstring', size: 8 },
      { name: 'amount', type: 'fixeddecimal', size: 12, scale: 2 }, { name: 'ratio', type: 'double' }, { name: 'ok', type: 'bool' },
      { name: 'day', type: 'date' }, { name: 'at', type: 'datetime' }, { name: 'atz', type: 'datetime' }, { name: 'tiny', type: 'int16' },
      { name: 'raw', type: 'blob' },
    ]);
  });

  it('streams a table into a new table with every value kept (int64 past 2^53, unicode, nulls beside empty text, bytea)', async () => {
    const wf = testWorkflow({ t1: source({ table: 'sales' }), t2: target({ table: 'copied', tableMode: 'create' }) }, [['t1.Output', 't2.Input']]);
    const { summary } = await engine.run(wf);
    expect(errors(summary, 't2') + errors(summary, 't1')).toBe('');
    expect(summary.tools.t1.outputs.Output.records).toBe(3);
    const same = await sql.query(`SELECT count(*)::int AS n FROM (
      (SELECT id, name, code, amount, ratio, ok, day, at, atz, tiny, raw FROM sales EXCEPT ALL SELECT id, name, code, amount, ratio, ok, day, at, atz, tiny, raw FROM copied)
      UNION ALL
      (SELECT id, name, code, amount, ratio, ok, day, at, atz, tiny, raw FROM copied EXCEPT ALL SELECT id, name, code, amount, ratio, ok, day, at, atz, tiny, raw FROM sales)) d`);
    expect(same.rows[0].n).toBe(0);
    const types = await sql.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'copied' ORDER BY ordinal_position`);
    expect(types.rows.map((r) => r.data_type)).toEqual([
      'bigint', 'text', 'text', 'numeric', 'double precision', 'boolean', 'date', 'timestamp without time zone',
      'timestamp without time zone', 'smallint', 'bytea',
    ]);
    const nulls = await sql.query(`SELECT name IS NULL AS name_null, code IS NULL AS code_null FROM copied WHERE id = -5`);
    expect(nulls.rows[0]).toEqual({ name_null: false, code_null: false });
  });

  it('reads a query, with the preview showing its rows', async () => {
    const wf = testWorkflow({ t1: source({ query: "SELECT id, name || '!' AS shout FROM sales WHERE id > 0 ORDER BY id;" }) });
    const { summary, previews } = await engine.run(wf);
    expect(errors(summary, 't1')).toBe('');
    expect(previews['t1.Output'].map((r) => [String(r.id), r.shout])).toEqual([['7', '日本語, "multi\nline"!'], ['9007199254740993', 'Zoë "quoted"!']]);
  });

  it('values PostgreSQL has and Weft has not (infinity, a BC date, a NaN decimal) become null with a warning', async () => {
    const query = "SELECT 'infinity'::date AS d, '0044-03-15 BC'::date AS bc, 'NaN'::numeric(5,2) AS n, '2026-01-02'::date AS ok";
    const { summary, previews } = await engine.run(testWorkflow({ t1: source({ query }) }));
    expect(previews['t1.Output']).toEqual([{ d: null, bc: null, n: null, ok: '2026-01-02' }]);
    expect(summary.tools.t1.messages.filter((m) => m.level === 'warn').map((m) => m.text).join('\n'))
      .toMatch(/3 value\(s\) did not convert .*record 1, field "d": "infinity"/);
  });

  it('replace swaps the table, append adds rows, create refuses an existing table and leaves it as it was', async () => {
    const two = testWorkflow({ t1: source({ query: 'SELECT 1::int AS a, \'x\'::text AS b UNION ALL SELECT 2, NULL' }), t2: target({ table: 'modes', tableMode: 'replace' }) }, [['t1.Output', 't2.Input']]);
    await sql.query('CREATE TABLE modes (old int)');
    expect((await engine.run(two)).summary.status).toBe('ok');
    expect((await sql.query('SELECT a, b FROM modes ORDER BY a')).rows).toEqual([{ a: 1, b: 'x' }, { a: 2, b: null }]);
    two.tools[1].config.tableMode = 'append';
    expect((await engine.run(two)).summary.status).toBe('ok');
    expect((await sql.query('SELECT count(*)::int AS n FROM modes')).rows[0].n).toBe(4);
    two.tools[1].config.tableMode = 'create';
    const { summary } = await engine.run(two);
    expect(summary.status).not.toBe('ok');
    expect(errors(summary, 't2')).toMatch(/connection "warehouse", table modes: relation "modes" already exists/);
    expect((await sql.query('SELECT count(*)::int AS n FROM modes')).rows[0].n).toBe(4);
  });

  it('a run that fails part way leaves an appended table unchanged (one transaction)', async () => {
    await sql.query('CREATE TABLE strict (a int NOT NULL, b text)');
    await sql.query("INSERT INTO strict VALUES (0, 'kept')");
    const wf = testWorkflow({
      t1: source({ query: 'SELECT g AS a, g::text AS b FROM generate_series(1, 70000) g UNION ALL SELECT NULL, \'breaks the NOT NULL\'' }),
      t2: target({ table: 'strict', tableMode: 'append' }),
    }, [['t1.Output', 't2.Input']]);
    const { summary } = await engine.run(wf);
    expect(errors(summary, 't2')).toMatch(/null value in column "a"/);
    expect((await sql.query('SELECT a, b FROM strict')).rows).toEqual([{ a: 0, b: 'kept' }]);
  });

  it('names the missing connection and how to add it, in update-only and full runs', async () => {
    const wf = testWorkflow({ t1: { plugin: 'weft/input-data', config: { source: 'database', connection: 'nowhere', table: 'sales' } } });
    for (const mode of ['update', 'full'] as const) {
      const { summary } = await engine.run(wf, { mode });
      expect(errors(summary, 't1')).toMatch(/there is no connection named "nowhere": add it with `weft connections add nowhere/);
    }
  });

  it('a bad query fails with the server\'s message and the connection\'s name', async () => {
    const { summary } = await engine.run(testWorkflow({ t1: source({ query: 'SELECT no_such_column FROM sales' }) }), { mode: 'update' });
    expect(errors(summary, 't1')).toMatch(/connection "warehouse" \(127\.0\.0\.1:\d+\/postgres\): column "no_such_column" does not exist/);
  });
});
