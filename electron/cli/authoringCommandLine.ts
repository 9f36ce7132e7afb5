/**
 * The plugin author's commands on the command line (docs/cli.md): `weft dev`, `weft plugins
 * add-tool`, `weft plugins pack` and `weft plugins virtual list|remove`, parsed into a command.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SCAFFOLD_TOOL_TYPES as TOOL_TYPES } from '../engine/scaffold/toolTemplates.js';
import { UsageError } from './commandLine.js';

export type AuthoringCommand =
  | { kind: 'dev'; dir: string; flow: string | null; run: boolean; rows: number; verbose: boolean }
  | { kind: 'plugins-add-tool'; dir: string; toolType: string; id: string | null; verbose: boolean }
  | { kind: 'plugins-pack'; dir: string; output: string | null; verbose: boolean }
  | { kind: 'plugins-virtual-list'; json: boolean; pluginDirs: string[]; verbose: boolean }
  | { kind: 'plugins-virtual-remove'; id: string; verbose: boolean };

export const AUTHORING_USAGE = {
  dev: 'weft dev DIR [FLOW] [--run] [--rows N]',
  addTool: `weft plugins add-tool DIR --tool-type ${TOOL_TYPES.join('|')} [--id ID]`,
  pack: 'weft plugins pack DIR [-o FILE.weftpkg]',
  virtualList: 'weft plugins virtual list [--json] [--plugins DIR]…',
  virtualRemove: 'weft plugins virtual remove PACKAGE/ID',
} as const;

type Help = { kind: 'help'; topic: string };

type Values = Record<string, string | boolean | Array<string | boolean> | undefined>;

function parsed(args: string[], usage: string, options: NonNullable<ParseArgsConfig['options']>): { values: Values; positionals: string[] } {
  try {
    const result = parseArgs({ args, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' }, verbose: { type: 'boolean' } } });
    return { values: result.values as Values, positionals: result.positionals };
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional.*$/s, '')} (usage: ${usage})`, args.includes('--json'));
  }
}

function positionalsBetween(positionals: string[], min: number, max: number, usage: string): string[] {
  if (positionals.length < min) throw new UsageError(`missing argument (usage: ${usage})`);
  if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}" (usage: ${usage})`);
  if (positionals.some((p) => p.trim() === '')) throw new UsageError(`arguments must not be empty (usage: ${usage})`);
  return positionals;
}

export function parseDevCommand(args: string[], resolve: (p: string) => string): AuthoringCommand | Help {
  const usage = AUTHORING_USAGE.dev;
  const { values, positionals } = parsed(args, usage, { run: { type: 'boolean' }, rows: { type: 'string' } });
  if (values.help) return { kind: 'help', topic: 'dev' };
  const [dir, flow] = positionalsBetween(positionals, 1, 2, usage);
  const rows = values.rows === undefined ? 5 : Number(values.rows);
  if (!Number.isInteger(rows) || rows < 0) throw new UsageError(`--rows takes a whole number of rows to print, got "${String(values.rows)}"`);
  return { kind: 'dev', dir: resolve(dir), flow: flow === undefined ? null : resolve(flow), run: values.run === true, rows, verbose: values.verbose === true };
}

/** `plugins add-tool|pack|virtual …`; null for another plugins command */
export function parseAuthoringPluginsCommand(sub: string, args: string[], resolve: (p: string) => string): AuthoringCommand | Help | null {
  if (sub === 'add-tool') {
    const usage = AUTHORING_USAGE.addTool;
    const { values, positionals } = parsed(args, usage, { 'tool-type': { type: 'string' }, id: { type: 'string' } });
    if (values.help) return { kind: 'help', topic: 'plugins' };
    const [dir] = positionalsBetween(positionals, 1, 1, usage);
    const toolType = values['tool-type'];
    if (typeof toolType !== 'string') throw new UsageError(`missing --tool-type (usage: ${usage})`);
    if (!(TOOL_TYPES as readonly string[]).includes(toolType)) throw new UsageError(`unknown --tool-type "${toolType}" (one of: ${TOOL_TYPES.join(', ')})`);
    return { kind: 'plugins-add-tool', dir: resolve(dir), toolType, id: typeof values.id === 'string' ? values.id : null, verbose: values.verbose === true };
  }
  if (sub === 'pack') {
    const usage = AUTHORING_USAGE.pack;
    const { values, positionals } = parsed(args, usage, { output: { type: 'string', short: 'o' } });
    if (values.help) return { kind: 'help', topic: 'plugins' };
    const [dir] = positionalsBetween(positionals, 1, 1, usage);
    const output = typeof values.output === 'string' ? values.output : null;
    if (output !== null && !output.endsWith('.weftpkg')) throw new UsageError(`-o must name a .weftpkg file, got "${output}" (usage: ${usage})`);
    return { kind: 'plugins-pack', dir: resolve(dir), output: output === null ? null : resolve(output), verbose: values.verbose === true };
  }
  if (sub === 'virtual') {
    const [action, ...rest] = args;
    if (action === 'list') {
      const usage = AUTHORING_USAGE.virtualList;
      const { values, positionals } = parsed(rest, usage, { json: { type: 'boolean' }, plugins: { type: 'string', multiple: true } });
      if (values.help) return { kind: 'help', topic: 'plugins' };
      positionalsBetween(positionals, 0, 0, usage);
      return { kind: 'plugins-virtual-list', json: values.json === true, pluginDirs: [...new Set((values.plugins as string[] | undefined ?? []).map(resolve))], verbose: values.verbose === true };
    }
    if (action === 'remove') {
      const usage = AUTHORING_USAGE.virtualRemove;
      const { values, positionals } = parsed(rest, usage, {});
      if (values.help) return { kind: 'help', topic: 'plugins' };
      const [id] = positionalsBetween(positionals, 1, 1, usage);
      if (!/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`"${id}" is not a full tool id PACKAGE/ID (usage: ${usage})`);
      return { kind: 'plugins-virtual-remove', id, verbose: values.verbose === true };
    }
    throw new UsageError(`${action === undefined ? 'missing' : `unknown`} command "plugins virtual${action === undefined ? '' : ` ${action}`}" (try: list, remove)`);
  }
  return null;
}
