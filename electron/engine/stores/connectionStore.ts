/**
 * Named database connections, in `<dataDir>/connections.json` (mode 0600: readable only by the
 * user). The password goes to the OS keychain where there is one; where there is none it is kept
 * in that same private file, and `add` says so. Synchronous: a run resolves the connections its
 * tools name while it builds their jobs, and update-only needs them in the constructor.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONNECTION_NAME, type DatabaseConnection, type DatabaseConnectionSummary } from '../../../shared/databaseConnection.js';
import { openOsKeychain } from './osKeychain.js';

export interface ConnectionStore {
  /** the file that holds the connections */
  readonly file: string;
  list(): DatabaseConnectionSummary[];
  get(name: string): DatabaseConnection | undefined;
  /** adds or replaces; tells where the password went */
  add(connection: DatabaseConnection): DatabaseConnectionSummary;
  /** false when there was no such connection */
  remove(name: string): boolean;
}

interface StoredConnection extends DatabaseConnectionSummary {
  /** only when passwordIn is 'file' */
  password?: string;
}

const FILE = 'connections.json';

export function createConnectionStore(dataDir: string): ConnectionStore {
  const file = path.join(dataDir, FILE);
  const account = (name: string) => `${dataDir}:${name}`;

  function read(): StoredConnection[] {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as { connections?: StoredConnection[] };
      return Array.isArray(parsed.connections) ? parsed.connections : [];
    } catch (error) {
      throw new Error(`${file}: not valid JSON (${(error as Error).message}); fix or remove the file`);
    }
  }

  function write(connections: StoredConnection[]): void {
    fs.mkdirSync(dataDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, `${JSON.stringify({ connections }, null, 2)}\n`, { mode: 0o600 });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, file);
  }

  const summary = ({ password: _password, ...rest }: StoredConnection): DatabaseConnectionSummary => rest;

  return {
    file,
    list: () => read().map(summary),
    get(name) {
      const stored = read().find((c) => c.name === name);
      if (!stored) return undefined;
      let password = '';
      if (stored.passwordIn === 'file') password = stored.password ?? '';
      else if (stored.passwordIn === 'keychain') {
        const keychain = openOsKeychain();
        if (!keychain) throw new Error(`connection "${name}": its password is in the OS keychain, which cannot be reached here; add the connection again`);
        password = keychain.get(account(name)) ?? '';
      }
      return { ...summary(stored), password };
    },
    add(connection) {
      if (!CONNECTION_NAME.test(connection.name)) {
        throw new Error(`"${connection.name}" is not a connection name: use letters, digits, ".", "_" or "-" (at most 64, starting with a letter or digit)`);
      }
      if (!Number.isInteger(connection.port) || connection.port < 1 || connection.port > 65535) {
        throw new Error(`connection "${connection.name}": port ${connection.port} is not a port number (1-65535)`);
      }
      const { password, ...rest } = connection;
      const keychain = password ? openOsKeychain() : null;
      let stored: StoredConnection;
      if (!password) stored = { ...rest, passwordIn: 'none' };
      else if (keychain) {
        keychain.set(account(connection.name), password);
        stored = { ...rest, passwordIn: 'keychain' };
      } else stored = { ...rest, passwordIn: 'file', password };
      const others = read().filter((c) => c.name !== connection.name);
      write([...others, stored].sort((a, b) => a.name.localeCompare(b.name)));
      return summary(stored);
    },
    remove(name) {
      const all = read();
      const found = all.find((c) => c.name === name);
      if (!found) return false;
      if (found.passwordIn === 'keychain') openOsKeychain()?.delete(account(name));
      write(all.filter((c) => c.name !== name));
      return true;
    },
  };
}
