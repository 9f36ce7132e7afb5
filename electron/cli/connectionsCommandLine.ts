/** `weft connections add|list|remove` on the command line (docs/cli.md), parsed into a command. */
import { parseArgs } from 'node:util';
import { UsageError } from './commandLine.js';

export type ConnectionsCommand =
  | { kind: 'connections-add'; name: string; url: string | null; host: string | null; port: number | null; database: string | null;
      user: string | null; ssl: boolean; passwordStdin: boolean; json: boolean; verbose: boolean }
  | { kind: 'connections-list'; json: boolean; verbose: boolean }
  | { kind: 'connections-remove'; name: string; verbose: boolean };

export const CONNECTIONS_USAGE = {
  connectionsAdd: 'weft connections add NAME (--url postgres://USER@HOST:PORT/DB | --host H [--port P] --database D --user U) [--password-stdin] [--ssl] [--json]',
  connectionsList: 'weft connections list [--json]',
  connectionsRemove: 'weft connections remove NAME',
} as const;

function one(positionals: string[], usage: string): string {
  if (positionals.length !== 1 || positionals[0].trim() === '') throw new UsageError(`give one connection NAME (usage: ${usage})`);
  return positionals[0];
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

function guard<T>(args: string[], usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional.*$/s, '')} (usage: ${usage})`, args.includes('--json'));
  }
}

export function parseConnectionsCommand(rest: string[]): ConnectionsCommand | { kind: 'help'; topic: string } {
  const [sub, ...args] = rest;
  if (sub === undefined) throw new UsageError('missing connections command: add, list or remove (try: weft connections --help)');
  if (sub === '--help' || sub === '-h') return { kind: 'help', topic: 'connections' };
  const verbose = args.includes('--verbose');
  if (sub === 'add') {
    const usage = CONNECTIONS_USAGE.connectionsAdd;
    const { values, positionals } = guard(args, usage, () => parseArgs({ args, allowPositionals: true, strict: true, options: {
      ...HELP, url: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' }, database: { type: 'string' }, user: { type: 'string' },
      ssl: { type: 'boolean' }, 'password-stdin': { type: 'boolean' }, json: { type: 'boolean' }, verbose: { type: 'boolean' },
    } }));
    if (values.help) return { kind: 'help', topic: 'connections' };
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    let port: number | null = null;
    if (typeof values.port === 'string') {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port takes a port number (1-65535), got "${values.port}"`);
    }
    const url = text(values.url);
    if (!url && (!values.host || !values.database || !values.user)) throw new UsageError(`give --url, or --host, --database and --user (usage: ${usage})`);
    return {
      kind: 'connections-add', name: one(positionals, usage), url, host: text(values.host), port, database: text(values.database), user: text(values.user),
      ssl: values.ssl === true, passwordStdin: values['password-stdin'] === true, json: values.json === true, verbose,
    };
  }
  if (sub === 'list') {
    const { values, positionals } = guard(args, CONNECTIONS_USAGE.connectionsList, () => parseArgs({
      args, allowPositionals: true, strict: true, options: { ...HELP, json: { type: 'boolean' }, verbose: { type: 'boolean' } },
    }));
    if (values.help) return { kind: 'help', topic: 'connections' };
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (usage: ${CONNECTIONS_USAGE.connectionsList})`);
    return { kind: 'connections-list', json: values.json === true, verbose };
  }
  if (sub === 'remove') {
    const { values, positionals } = guard(args, CONNECTIONS_USAGE.connectionsRemove, () => parseArgs({
      args, allowPositionals: true, strict: true, options: { ...HELP, verbose: { type: 'boolean' } },
    }));
    if (values.help) return { kind: 'help', topic: 'connections' };
    return { kind: 'connections-remove', name: one(positionals, CONNECTIONS_USAGE.connectionsRemove), verbose };
  }
  throw new UsageError(`unknown command "connections ${sub}" (try: add, list, remove)`);
}
