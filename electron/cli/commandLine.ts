/**
 * The `weft` command line (docs/workflow-format.md and docs/cli.md), parsed into a Command. Anything that cannot be
 * understood is a UsageError (exit 2). Relative FILE and DIR arguments are taken from the folder
 * the user ran the command in: `$INIT_CWD` under `npm run`, else the current folder.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AUTHORING_USAGE, parseAuthoringPluginsCommand, parseDevCommand, type AuthoringCommand } from './authoringCommandLine.js';
import { CONNECTIONS_USAGE, parseConnectionsCommand, type ConnectionsCommand } from './connectionsCommandLine.js';

export const TOOL_TYPES = ['input', 'output', 'single-input-single-output', 'multiple-inputs', 'multiple-outputs'] as const;
export type ToolType = (typeof TOOL_TYPES)[number];

export type Command =
  | { kind: 'help'; topic: string | null }
  | { kind: 'version' }
  | { kind: 'run'; mode: 'full' | 'update'; file: string; pluginDirs: string[]; json: boolean; timeoutMs: number | null; idleTimeoutMs: number | null; verbose: boolean; incremental: boolean; engine: 'streaming' | 'in-database' | null }
  | { kind: 'import'; file: string; output: string | null; json: boolean; verbose: boolean }
  | { kind: 'plugins-install'; dir: string; force: boolean; verbose: boolean }
  | { kind: 'plugins-list'; json: boolean; pluginDirs: string[]; verbose: boolean }
  | { kind: 'plugins-remove'; name: string; verbose: boolean }
  | { kind: 'plugins-new'; dir: string; toolType: ToolType; verbose: boolean }
  | ConnectionsCommand
  | AuthoringCommand;

/** `weft run` stops a run in which nothing happened for this long (--idle-timeout) */
export const DEFAULT_IDLE_TIMEOUT_S = 600;

export class UsageError extends Error {
  constructor(message: string, readonly json = false) {
    super(message);
    this.name = 'UsageError';
  }
}

export function invocationFolder(env: NodeJS.ProcessEnv = process.env): string {
  const initCwd = env.INIT_CWD?.trim();
  return initCwd ? path.resolve(initCwd) : process.cwd();
}

interface Options {
  plugins?: { type: 'string'; multiple: true };
  json?: { type: 'boolean' };
  timeout?: { type: 'string' };
  'idle-timeout'?: { type: 'string' };
  incremental?: { type: 'boolean' };
  engine?: { type: 'string' };
  verbose?: { type: 'boolean'; short?: string };
  force?: { type: 'boolean' };
  'tool-type'?: { type: 'string' };
  output?: { type: 'string'; short: string };
  help?: { type: 'boolean'; short: string };
}

function parse(args: string[], options: Options, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const json = args.includes('--json');
    const message = (error as Error).message;
    // parseArgs' own text for `--timeout -1` spans three lines; say it in one
    const ambiguous = /option '(--[\w-]+)' argument is ambiguous/i.exec(message);
    if (ambiguous) {
      const value = args[args.indexOf(ambiguous[1]) + 1] ?? '';
      throw new UsageError(`${ambiguous[1]} got "${value}", which looks like an option (write ${ambiguous[1]}=${value} if you mean it) (usage: ${usage})`, json);
    }
    throw new UsageError(`${message.replace(/\. To specify a positional.*$/s, '')} (usage: ${usage})`, json);
  }
}

function onePositional(positionals: string[], what: string, usage: string, json = false): string {
  if (positionals.length === 0) throw new UsageError(`missing ${what} (usage: ${usage})`, json);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}" (usage: ${usage})`, json);
  const value = positionals[0]!;
  if (value.trim() === '') throw new UsageError(`${what} must not be empty (usage: ${usage})`, json);
  return value;
}

export const USAGE = {
  run: 'weft run FILE [--plugins DIR]… [--json] [--timeout SECONDS] [--idle-timeout SECONDS] [--incremental] [--engine streaming|in-database] [--verbose]',
  update: 'weft update FILE [--plugins DIR]… [--json] [--verbose]',
  import: 'weft import FILE.yxmd [-o OUT.weft.json] [--json]',
  install: 'weft plugins install DIR|FILE.weftpkg [--force]',
  list: 'weft plugins list [--json] [--plugins DIR]…',
  remove: 'weft plugins remove NAME',
  new: `weft plugins new DIR --tool-type ${TOOL_TYPES.join('|')}`,
  ...CONNECTIONS_USAGE,
  ...AUTHORING_USAGE,
} as const;

export function parseCommandLine(argv: string[], cwd: string = invocationFolder()): Command {
  const [command, ...rest] = argv;
  const resolve = (p: string) => path.resolve(cwd, p);
  if (command === undefined) throw new UsageError('missing command: run, update, import, plugins or connections (try: weft --help)');
  if (command === '--help' || command === '-h' || command === 'help') {
    return { kind: 'help', topic: command === 'help' ? (rest[0] ?? null) : null };
  }
  if (command === '--version' || command === '-v') return { kind: 'version' };

  if (command === 'run' || command === 'update') {
    const usage = command === 'run' ? USAGE.run : USAGE.update;
    const options: Options = { plugins: { type: 'string', multiple: true }, json: { type: 'boolean' }, verbose: { type: 'boolean' } };
    if (command === 'run') Object.assign(options, { timeout: { type: 'string' }, 'idle-timeout': { type: 'string' }, incremental: { type: 'boolean' }, engine: { type: 'string' } });
    const { values, positionals } = parse(rest, options, usage);
    if (values.help) return { kind: 'help', topic: command };
    const json = values.json === true;
    const file = resolve(onePositional(positionals, 'FILE', usage, json));
    let timeoutMs: number | null = null;
    if (typeof values.timeout === 'string') {
      const seconds = Number(values.timeout);
      if (values.timeout.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
        throw new UsageError(`--timeout takes a number of seconds greater than 0, got "${values.timeout}"`, json);
      }
      timeoutMs = Math.round(seconds * 1000);
    }
    let idleTimeoutMs: number | null = command === 'run' ? DEFAULT_IDLE_TIMEOUT_S * 1000 : null;
    const idle = values['idle-timeout'];
    if (typeof idle === 'string') {
      const seconds = Number(idle);
      if (idle.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
        throw new UsageError(`--idle-timeout takes a number of seconds (0: no limit), got "${idle}"`, json);
      }
      idleTimeoutMs = seconds === 0 ? null : Math.round(seconds * 1000);
    }
    const engine = values.engine;
    if (engine !== undefined && engine !== 'streaming' && engine !== 'in-database') {
      throw new UsageError(`--engine takes streaming or in-database, got "${String(engine)}"`, json);
    }
    // the same folder named twice is loaded once
    const pluginDirs = [...new Set((values.plugins as string[] | undefined ?? []).map(resolve))];
    return {
      kind: 'run', mode: command === 'run' ? 'full' : 'update', file, pluginDirs, json, timeoutMs, idleTimeoutMs,
      verbose: values.verbose === true, incremental: values.incremental === true, engine: engine ?? null,
    };
  }

  if (command === 'import') {
    const { values, positionals } = parse(rest, { output: { type: 'string', short: 'o' }, json: { type: 'boolean' }, verbose: { type: 'boolean' } }, USAGE.import);
    if (values.help) return { kind: 'help', topic: 'import' };
    const json = values.json === true;
    const file = resolve(onePositional(positionals, 'FILE', USAGE.import, json));
    const output = typeof values.output === 'string' ? values.output : null;
    if (output !== null && output.trim() === '') throw new UsageError(`-o must name a file (usage: ${USAGE.import})`, json);
    return { kind: 'import', file, output: output === null ? null : resolve(output), json, verbose: values.verbose === true };
  }

  if (command === 'connections') return parseConnectionsCommand(rest);
  if (command === 'dev') return parseDevCommand(rest, resolve);
  if (command === 'plugins') {
    const [sub, ...args] = rest;
    if (sub === undefined || sub === '--json') {
      throw new UsageError('missing plugins command: install, list, remove or new (try: weft plugins --help)', rest.includes('--json'));
    }
    if (sub === '--help' || sub === '-h') return { kind: 'help', topic: 'plugins' };
    const authoring = parseAuthoringPluginsCommand(sub, args, resolve);
    if (authoring) return authoring;
    if (sub === 'install') {
      const { values, positionals } = parse(args, { force: { type: 'boolean' }, verbose: { type: 'boolean' } }, USAGE.install);
      if (values.help) return { kind: 'help', topic: 'plugins' };
      return { kind: 'plugins-install', dir: resolve(onePositional(positionals, 'DIR', USAGE.install)), force: values.force === true, verbose: values.verbose === true };
    }
    if (sub === 'list') {
      const { values, positionals } = parse(args, { json: { type: 'boolean' }, plugins: { type: 'string', multiple: true }, verbose: { type: 'boolean' } }, USAGE.list);
      if (values.help) return { kind: 'help', topic: 'plugins' };
      if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (usage: ${USAGE.list})`, values.json === true);
      return { kind: 'plugins-list', json: values.json === true, pluginDirs: [...new Set((values.plugins as string[] | undefined ?? []).map(resolve))], verbose: values.verbose === true };
    }
    if (sub === 'remove') {
      const { values, positionals } = parse(args, { verbose: { type: 'boolean' } }, USAGE.remove);
      if (values.help) return { kind: 'help', topic: 'plugins' };
      return { kind: 'plugins-remove', name: onePositional(positionals, 'NAME', USAGE.remove), verbose: values.verbose === true };
    }
    if (sub === 'new') {
      const { values, positionals } = parse(args, { 'tool-type': { type: 'string' }, verbose: { type: 'boolean' } }, USAGE.new);
      if (values.help) return { kind: 'help', topic: 'plugins' };
      const dir = resolve(onePositional(positionals, 'DIR', USAGE.new));
      const toolType = values['tool-type'];
      if (typeof toolType !== 'string') throw new UsageError(`missing --tool-type (usage: ${USAGE.new})`);
      if (!(TOOL_TYPES as readonly string[]).includes(toolType)) {
        throw new UsageError(`unknown --tool-type "${toolType}" (one of: ${TOOL_TYPES.join(', ')})`);
      }
      return { kind: 'plugins-new', dir, toolType: toolType as ToolType, verbose: values.verbose === true };
    }
    throw new UsageError(`unknown command "plugins ${sub}" (try: install, list, remove, new, add-tool, pack, virtual)`);
  }
  throw new UsageError(`unknown command "${command}" (try: weft --help)`, rest.includes('--json'));
}

export const HELP_TEXT = `weft: run and manage Weft workflows from the command line

Usage:
  ${USAGE.run}
      a full run. Exit 0: every tool succeeded; 1: a tool failed or the run timed out;
      2: the file or the arguments are invalid.
  ${USAGE.update}
      an update-only run: each tool's output anchors with their metadata, and its messages.
  ${USAGE.import}
      convert an Alteryx Designer workflow into a Weft workflow file (default: beside FILE,
      .weft.json). Exit 0: every tool converted; 1: written, but some tools are approximated or
      unsupported (kept as placeholders); 2: not an Alteryx workflow or unreadable.
  ${USAGE.install}
      validate and install a plugin folder or a .weftpkg file (--force replaces an installed
      package of that name).
  ${USAGE.list}
      every tool: built-in, installed, loaded and virtual.
  ${USAGE.remove}
      remove an installed package with its virtual plugins, state and blobs.
  ${USAGE.new}
      scaffold a TypeScript plugin package on @weft/sdk: typed config, build, typecheck, watch and
      tests that run each tool through the engine.
  ${USAGE.addTool}
      add a tool of that type to a package (manifest entry, source, test).
  ${USAGE.pack}
      check a package as an install would and pack it into one .weftpkg file (a gzipped tar with
      a SHA-256 of every file), default DIR/NAME-VERSION.weftpkg.
  ${USAGE.virtualList}
      every virtual tool stored in the data folder, with its parent, whether or not it is loaded.
  ${USAGE.virtualRemove}
      remove a virtual tool.
  ${USAGE.dev}
      watch a plugin folder: on every edit run its build (npm run build), reload it and re-run
      update-only (--run: a full run) of FLOW, else of each tool alone; prints metadata, messages,
      errors and the first rows (--rows, default 5). Ctrl-C ends it.
  ${USAGE.connectionsAdd}
      store a named PostgreSQL connection for Input Data / Output Data (workflows name it; the
      password goes to the OS keychain, or where there is none to the data folder's
      connections.json, readable only by you). --password-stdin reads the password from stdin.
  ${USAGE.connectionsList}
      the stored connections, without passwords.
  ${USAGE.connectionsRemove}
      forget a stored connection and its password.

Options:
  --plugins DIR     load a plugin folder for this command only, without installing it (repeatable)
  --json            print only one JSON object on stdout
  -o, --output FILE where weft import writes the Weft workflow
  --timeout SECONDS stop the run after this long (tools still running fail with a timeout)
  --idle-timeout SECONDS
                    stop the run when no tool made progress for this long: no records, no
                    messages and no tool busy (default ${DEFAULT_IDLE_TIMEOUT_S}; 0: no limit)
  --verbose         show stack traces with errors
  -h, --help        this help

The data folder is $WEFT_HOME, else the per-user Weft folder. Relative paths are taken from the
folder the command was run in ($INIT_CWD under npm run).
`;
