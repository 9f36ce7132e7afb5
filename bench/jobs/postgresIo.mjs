// PostgreSQL through Weft's streaming engine: a table of N rows (bigint, text, numeric(12,2), date,
// double) read by Input Data's database source and written by Output Data's database target, beside
// the same copy done inside the server (CREATE TABLE AS: what an in-database run would cost).
// Starts its own server (initdb/pg_ctl on a loopback port, as the postgres user when root).
//   node bench/jobs/postgresIo.mjs [ROWS]   prints one JSON object
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const rows = Number(process.argv[2] ?? '1000000');
const root = path.resolve(import.meta.dirname, '..', '..');
const bin = fs.readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => fs.existsSync(`${d}/initdb`));
if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bench-pg-'));
const asRoot = process.getuid() === 0;
if (asRoot) execFileSync('chown', ['postgres', dir]);
const run = (tool, args) => execFileSync(asRoot ? 'runuser' : `${bin}/${tool}`, asRoot ? ['-u', 'postgres', '--', `${bin}/${tool}`, ...args] : args, { stdio: 'pipe' });
fs.writeFileSync(`${dir}/pw`, 'bench');
if (asRoot) execFileSync('chown', ['postgres', `${dir}/pw`]);
run('initdb', ['-D', `${dir}/data`, '-U', 'weft', '--pwfile', `${dir}/pw`, '--auth', 'scram-sha-256', '-E', 'UTF8', '--locale', 'C', '-N']);
const port = await new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
run('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/log`, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`, '-w', 'start']);

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-bench-pg-home-'));
process.env.WEFT_KEYCHAIN = 'off';
try {
  const sql = new pg.Client({ host: '127.0.0.1', port, user: 'weft', password: 'bench', database: 'postgres' });
  await sql.connect();
  await sql.query(`CREATE TABLE src AS SELECT g::bigint AS id, 'name ' || g AS name, (g % 100000) / 100.0::numeric(12,2) AS amount,
    DATE '2020-01-01' + (g % 2000) AS day, g * 0.5::float8 AS ratio FROM generate_series(1, ${rows}) g`);
  await sql.query('VACUUM ANALYZE src');
  let started = performance.now();
  await sql.query('CREATE TABLE server_copy AS SELECT * FROM src');
  const serverSeconds = (performance.now() - started) / 1000;

  const { createEngineHost } = await import(pathToFileURL(path.join(root, 'dist/electron/engine/service/index.js')).href);
  const host = await createEngineHost({ dataDir: home });
  host.stores.connections.add({ name: 'bench', kind: 'postgresql', host: '127.0.0.1', port, database: 'postgres', user: 'weft', password: 'bench', ssl: false });
  const session = host.createSession();
  const workflow = {
    format: 'weft-workflow', version: 1, connections: [{ from: { tool: 'in', anchor: 'Output' }, to: { tool: 'out', anchor: 'Input' } }],
    tools: [
      { id: 'in', plugin: 'weft/input-data', position: { x: 0, y: 0 }, config: { source: 'database', connection: 'bench', table: 'src' } },
      process.env.PG_BENCH_CSV ? { id: 'out', plugin: 'weft/output-data', position: { x: 200, y: 0 }, config: { path: path.join(home, 'out.csv') } } : { id: 'out', plugin: 'weft/output-data', position: { x: 200, y: 0 }, config: { target: 'database', connection: 'bench', table: 'weft_copy', tableMode: 'replace' } },
    ],
  };
  started = performance.now();
  const summary = await session.runWorkflow(workflow, null);
  const weftSeconds = (performance.now() - started) / 1000;
  if (summary.status !== 'ok') throw new Error(JSON.stringify(summary.tools));
  const copied = process.env.PG_BENCH_CSV ? summary.tools.in.outputs.Output.records : (await sql.query('SELECT count(*)::int AS n FROM weft_copy')).rows[0].n;
  if (copied !== rows) throw new Error(`weft copied ${copied} rows, not ${rows}`);
  await sql.end();
  await host.dispose();
  console.log(JSON.stringify({
    rows, weft_streaming_s: weftSeconds, weft_rows_per_s: Math.round(rows / weftSeconds),
    server_create_table_as_s: serverSeconds, ratio: weftSeconds / serverSeconds,
  }));
} finally {
  run('pg_ctl', ['-D', `${dir}/data`, '-m', 'immediate', 'stop']);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(home, { recursive: true, force: true });
}
