/**
 * A real PostgreSQL server for tests: initdb in a temporary folder, started with pg_ctl on a free
 * loopback port with password (scram) authentication, stopped and removed by `stop()`. PostgreSQL
 * refuses to run as root, so as root (CI, this machine) the server runs as the `postgres` user
 * that Debian's package creates. When PostgreSQL is not installed, `startPostgres` throws an error
 * that says so: tests that need it fail plainly instead of passing without it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** `postgres://user:password@host:port/database` */
  url: string;
  stop(): void;
}

const USER = 'weft';
const PASSWORD = 'weft-test-password';

/** the folder holding initdb/pg_ctl: from PATH, else Debian's /usr/lib/postgresql/<newest>/bin */
export function postgresBinDir(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (fs.existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error('PostgreSQL is not installed, so the database tests cannot run: install Debian\'s "postgresql" package (apt-get install postgresql; .ci/run installs it when absent)');
  }
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weft-pg-'));
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pw');
  const log = path.join(dir, 'server.log');
  fs.writeFileSync(pwfile, PASSWORD);
  if (asRoot) {
    fs.chmodSync(dir, 0o700);
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    fs.chownSync(dir, uid, gid);
    fs.chownSync(pwfile, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [command, full] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    try {
      execFileSync(command, full, { stdio: 'pipe', timeout: 60_000 });
    } catch (error) {
      const detail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : String((error as { stderr?: Buffer }).stderr ?? '');
      throw new Error(`PostgreSQL ${tool} failed: ${(error as Error).message}\n${detail}`);
    }
  };
  run('initdb', ['-D', data, '-U', USER, '--pwfile', pwfile, '--auth', 'scram-sha-256', '-E', 'UTF8', '--locale', 'C', '-N']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  run('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres',
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
