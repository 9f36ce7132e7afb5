/** `weft connections add|list|remove`: the named database connections of the data folder (docs/cli.md). */
import { parseConnectionUrl, type DatabaseConnection } from '../../shared/databaseConnection.js';
import { resolveDataFolder } from '../engine/dataFolder.js';
import { createConnectionStore } from '../engine/stores/connectionStore.js';
import type { ConnectionsCommand } from './connectionsCommandLine.js';
import { EXIT_FAILED, EXIT_OK } from './exitCodes.js';
import type { Terminal } from './terminal.js';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

export async function connectionsCommand(command: ConnectionsCommand, terminal: Terminal, stdin: () => Promise<string> = readStdinLine): Promise<number> {
  const store = createConnectionStore(resolveDataFolder());
  if (command.kind === 'connections-list') {
    const list = store.list();
    if (command.json) terminal.out(`${JSON.stringify({ connections: list }, null, 2)}\n`);
    else if (list.length === 0) terminal.out('no connections (add one: weft connections add NAME --url postgres://USER@HOST:5432/DB --password-stdin)\n');
    else for (const c of list) terminal.out(`${c.name}\t${c.kind}://${c.user}@${c.host}:${c.port}/${c.database}${c.ssl ? ' (ssl)' : ''}\tpassword: ${c.passwordIn}\n`);
    return EXIT_OK;
  }
  if (command.kind === 'connections-remove') {
    if (!store.remove(command.name)) {
      terminal.err(`weft: there is no connection named "${command.name}"\n`);
      return EXIT_FAILED;
    }
    terminal.out(`removed connection "${command.name}"\n`);
    return EXIT_OK;
  }
  const base: DatabaseConnection = command.url
    ? parseConnectionUrl(command.name, command.url)
    : { name: command.name, kind: 'postgresql', host: '', port: 5432, database: '', user: '', password: '', ssl: false };
  const connection: DatabaseConnection = {
    ...base,
    host: command.host ?? base.host, port: command.port ?? base.port, database: command.database ?? base.database, user: command.user ?? base.user,
    ssl: command.ssl || base.ssl,
    password: command.passwordStdin ? await stdin() : base.password,
  };
  const stored = store.add(connection);
  if (command.json) {
    terminal.out(`${JSON.stringify({ connection: stored, file: store.file }, null, 2)}\n`);
    return EXIT_OK;
  }
  const where = stored.passwordIn === 'keychain' ? 'its password is in the OS keychain'
    : stored.passwordIn === 'file' ? `no OS keychain here: its password is kept in ${store.file} (mode 0600, readable only by you)`
      : 'no password';
  terminal.out(`added connection "${stored.name}" (${stored.user}@${stored.host}:${stored.port}/${stored.database}); ${where}\n`);
  return EXIT_OK;
}
