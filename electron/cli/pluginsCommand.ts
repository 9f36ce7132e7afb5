/** `weft plugins install|list|remove|new` (docs/workflow-format.md and docs/cli.md, the SDK contract (docs/sdk.md)). */
import type { ToolDescriptor } from '../../shared/manifest.js';
import { formatPlacedError } from '../../shared/placedError.js';
import { resolveDataFolder } from '../engine/dataFolder.js';
import { createEngineHost, EngineStartError, type EngineHost } from '../engine/service/index.js';
import { authoringCommand } from './authoringCommand.js';
import { scaffoldPluginPackage } from './scaffoldCommand.js';
import type { Command } from './commandLine.js';
import { EXIT_FAILED, EXIT_OK, reportInvalid } from './exitCodes.js';
import { printNotices } from './runCommand.js';
import type { Terminal } from './terminal.js';

type PluginsCommand = Extract<Command, { kind: `plugins-${string}` }>;

export interface ListedTool {
  id: string;
  name: string;
  category: string;
  package: string;
  version: string;
  source: ToolDescriptor['source'];
  parent: string | null;
}

export function listedTool(tool: ToolDescriptor): ListedTool {
  return { id: tool.id, name: tool.name, category: tool.category, package: tool.package, version: tool.version, source: tool.source, parent: tool.parent };
}

async function withHost<T>(terminal: Terminal, pluginDirs: string[], body: (host: EngineHost) => Promise<T>): Promise<T> {
  const host = await createEngineHost({ dataDir: resolveDataFolder(), loadedPluginDirs: pluginDirs });
  try {
    printNotices(host, terminal);
    return await body(host);
  } finally {
    await host.dispose();
  }
}

function toolsLine(tools: ToolDescriptor[]): string {
  return tools.map((t) => t.id).join(', ');
}

export async function pluginsCommand(command: PluginsCommand, terminal: Terminal): Promise<number> {
  switch (command.kind) {
    case 'plugins-install':
      return withHost(terminal, [], async (host) => {
        try {
          const tools = await host.registry.install(command.dir, { force: command.force });
          const first = tools[0];
          terminal.out(`Installed ${first ? `${first.package} ${first.version}` : 'the package'} with ${tools.length} tool${tools.length === 1 ? '' : 's'}: ${toolsLine(tools)}\n`);
          return EXIT_OK;
        } catch (error) {
          terminal.err(`weft: install refused: ${(error as Error).message}\n`);
          if (command.verbose && (error as Error).stack) terminal.err(`${(error as Error).stack}\n`);
          return EXIT_FAILED;
        }
      });
    case 'plugins-list':
      try {
        return await withHost(terminal, command.pluginDirs, async (host) => {
          const tools = host.registry.list().map(listedTool).sort((a, b) => a.id.localeCompare(b.id));
          if (command.json) terminal.out(`${JSON.stringify({ tools }, null, 2)}\n`);
          else terminal.out(listText(tools));
          return EXIT_OK;
        });
      } catch (error) {
        if (error instanceof EngineStartError) return reportInvalid(terminal, command.json, error.errors.map((e) => `--plugins ${formatPlacedError(e)}`));
        throw error;
      }
    case 'plugins-remove':
      return withHost(terminal, [], async (host) => {
        try {
          await host.registry.remove(command.name);
          terminal.out(`Removed ${command.name} with its virtual tools, state and blobs\n`);
          return EXIT_OK;
        } catch (error) {
          terminal.err(`weft: ${(error as Error).message}\n`);
          if (command.verbose && (error as Error).stack) terminal.err(`${(error as Error).stack}\n`);
          return EXIT_FAILED;
        }
      });
    case 'plugins-new':
      return scaffoldPluginPackage(command, terminal);
    case 'plugins-add-tool': case 'plugins-pack': case 'plugins-virtual-list': case 'plugins-virtual-remove':
      return authoringCommand(command, terminal);
  }
}

function listText(tools: ListedTool[]): string {
  const header = ['id', 'name', 'category', 'version', 'source', 'parent'];
  const rows = tools.map((t) => [t.id, t.name, t.category, t.version, t.source, t.parent ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return `${[format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)].join('\n')}\n${tools.length} tools\n`;
}
