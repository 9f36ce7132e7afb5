// `weft connections add|list|remove` and a `weft run` that reads one PostgreSQL table into another,
// as a user runs them: `node bin/weft.mjs …` in subprocesses, against a real server started here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../engine/compiledPath.js';
import { parseConnectionUrl } from '../../shared/databaseConnection.js';
import { createConnectionStore } from '../engine/stores/connectionStore.js';
import { startPostgres, type TestPostgres } from '../engine/testing/index.js';
import { parseConnectionsCommand } from './connectionsCommandLine.js';

const bin = path.join(projectRoot, 'bin', 'weft.mjs');
vi.setConfig({ testTimeout: 90_000 });

let home: string;
let server: TestPostgres;
beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-cli-connections-'));
  server = await startPostgres();
}, 60_000);
afterAll(() => {
  fs.rmSync(home, { recursive: true, force: true });
  server?.stop();
});

function weft(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { INIT_CWD: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [bin, ...args], { cwd: home, env: { ...inherited, WEFT_HOME: home, NO_COLOR: '1', WEFT_KEYCHAIN: 'off' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('weft connections', () => {
  it('adds a connection with the password from stdin into a 0600 file, lists it without the password, removes it', async () => {
    const added = await weft(['connections', 'add', 'scratch', '--url', 'postgres://ana@db.example:6543/sales?sslmode=require', '--password-stdin'], 's3cret\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/added connection "scratch" \(ana@db\.example:6543\/sales\); no OS keychain here: its password is kept in .*connections\.json \(mode 0600/);
    const file = path.join(home, 'connections.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).connections[0]).toMatchObject({ name: 'scratch', password: 's3cret', ssl: true, passwordIn: 'file' });
    const listed = await weft(['connections', 'list', '--json']);
    expect(listed.stdout).not.toContain('s3cret');
    expect(JSON.parse(listed.stdout).connections).toEqual([
      { name: 'scratch', kind: 'postgresql', host: 'db.example', port: 6543, database: 'sales', user: 'ana', ssl: true, passwordIn: 'file' },
    ]);
    expect((await weft(['connections', 'remove', 'scratch'])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).connections).toEqual([]);
    const missing = await weft(['connections', 'remove', 'scratch']);
    expect([missing.code, missing.stderr]).toEqual([1, 'weft: there is no connection named "scratch"\n']);
  });

  it('refuses a bad name, a non-PostgreSQL URL and a missing address with the reason', () => {
    const store = createConnectionStore(home);
    expect(() => store.add({ ...parseConnectionUrl('../x', 'postgres://a@b/c') })).toThrow(/"\.\.\/x" is not a connection name/);
    expect(() => parseConnectionUrl('x', 'mysql://a@b/c')).toThrow(/only PostgreSQL URLs/);
    expect(() => parseConnectionsCommand(['add', 'x'])).toThrow(/give --url, or --host, --database and --user/);
  });

  it('weft run reads a table through a named connection and writes another; the workflow file holds no password', async () => {
    const sql = new pg.Client({ connectionString: server.url });
    await sql.connect();
    try {
      await sql.query("CREATE TABLE people (id int, name text); INSERT INTO people VALUES (1, 'Ada'), (2, 'Grace')");
      const url = `postgres://${server.user}@${server.host}:${server.port}/${server.database}`;
      expect((await weft(['connections', 'add', 'local', '--url', url, '--password-stdin'], `${server.password}\n`)).code).toBe(0);
      const workflow = {
        format: 'weft-workflow', version: 2, connections: [{ from: { tool: 'in', anchor: 'Output' }, to: { tool: 'out', anchor: 'Input' } }],
        tools: [
          { id: 'in', plugin: 'weft/input-data', position: { x: 0, y: 0 }, config: { source: 'database', connection: 'local', table: 'people' } },
          { id: 'out', plugin: 'weft/output-data', position: { x: 200, y: 0 }, config: { target: 'database', connection: 'local', table: 'people_copy', tableMode: 'create' } },
        ],
      };
      const file = path.join(home, 'copy.weft.json');
      fs.writeFileSync(file, JSON.stringify(workflow));
      const run = await weft(['run', file, '--json']);
      expect(JSON.parse(run.stdout).status).toBe('ok');
      expect((await sql.query('SELECT id, name FROM people_copy ORDER BY id')).rows).toEqual([{ id: 1, name: 'Ada' }, { id: 2, name: 'Grace' }]);
      expect(fs.readFileSync(file, 'utf8')).not.toContain(server.password);
    } finally {
      await sql.end();
    }
  });
});
