/** `weft plugins add-tool|pack|virtual list|remove` (docs/cli.md). */
import { resolveDataFolder } from '../engine/dataFolder.js';
import { packPackage } from '../engine/registry/packageArchive.js';
import { addTool } from '../engine/scaffold/addTool.js';
import { createEngineHost } from '../engine/service/index.js';
import type { AuthoringCommand } from './authoringCommandLine.js';
import { EXIT_FAILED, EXIT_OK } from './exitCodes.js';
import type { Terminal } from './terminal.js';

type PluginsAuthoringCommand = Exclude<AuthoringCommand, { kind: 'dev' }>;

export async function authoringCommand(command: PluginsAuthoringCommand, terminal: Terminal): Promise<number> {
  try {
    switch (command.kind) {
      case 'plugins-add-tool': {
        const result = await addTool(command.dir, command.toolType, command.id ?? undefined);
        terminal.out(`Added the tool ${result.toolId} to ${command.dir}:\n${result.files.map((f) => `  ${f}\n`).join('')}`);
        return EXIT_OK;
      }
      case 'plugins-pack': {
        const packed = await packPackage(command.dir, command.output ?? undefined);
        terminal.out(`Packed ${packed.name} ${packed.version} (${packed.files} files) into ${packed.file}\nInstall it with: weft plugins install ${packed.file}\n`);
        return EXIT_OK;
      }
      case 'plugins-virtual-list':
        return await virtualList(command, terminal);
      case 'plugins-virtual-remove': {
        const host = await createEngineHost({ dataDir: resolveDataFolder() });
        try {
          const [packageName, id] = command.id.split('/');
          const record = (await host.stores.virtualPlugins.listAll()).find((r) => r.package === packageName && r.id === id);
          if (!record) throw new Error(`there is no virtual tool ${command.id} in ${host.dataDir} (weft plugins virtual list shows them)`);
          await host.stores.virtualPlugins.remove(record.parent, record.id);
          terminal.out(`Removed the virtual tool ${command.id} (made by ${record.parent})\n`);
          return EXIT_OK;
        } finally {
          await host.dispose();
        }
      }
    }
  } catch (error) {
    terminal.err(`weft: ${command.kind.replace(/-/g, ' ').replace('plugins ', 'plugins ')} refused: ${(error as Error).message}\n`);
    if (command.verbose && (error as Error).stack) terminal.err(`${(error as Error).stack}\n`);
    return EXIT_FAILED;
  }
}

async function virtualList(command: Extract<AuthoringCommand, { kind: 'plugins-virtual-list' }>, terminal: Terminal): Promise<number> {
  const host = await createEngineHost({ dataDir: resolveDataFolder(), loadedPluginDirs: command.pluginDirs });
  try {
    const known = new Set(host.registry.list().map((t) => t.id));
    const tools = (await host.stores.virtualPlugins.listAll())
      .map((r) => ({ id: `${r.package}/${r.id}`, name: r.name, parent: r.parent, createdAt: r.createdAt, parentLoaded: known.has(r.parent) }))
      .sort((a, b) => a.id.localeCompare(b.id));
    if (command.json) terminal.out(`${JSON.stringify({ tools }, null, 2)}\n`);
    else {
      for (const t of tools) terminal.out(`${t.id}  ${t.name}  (parent ${t.parent}${t.parentLoaded ? '' : ', not installed or loaded now'})\n`);
      terminal.out(`${tools.length} virtual tool${tools.length === 1 ? '' : 's'}\n`);
    }
    return EXIT_OK;
  } finally {
    await host.dispose();
  }
}
