/**
 * "Save as tool" (built-in `weft/save-as-tool`), a virtual-plugin parent (the SDK contract (docs/sdk.md)).
 * Used directly, a full run saves the configured tool or group as a new palette tool `weft/<id>`.
 * Serving one of those tools (`provider.virtualPlugin` set), it runs the saved group in-process
 * through GroupRun, in update-only and full runs alike.
 */
import { readFile } from 'node:fs/promises';
import type { InputConnection, JsonValue, Plugin, PluginClass, Provider } from '../../shared/sdk/index.js';
import { GroupRun } from './groupRunner.js';
import { defineGroup, type BuiltinTool, type GroupConnection, type SavedGroup } from './savedGroup.js';

interface SaveConfig {
  id: string;
  name: string;
  description?: string;
  category?: string;
  tools: Array<{ id: string; plugin: string; config?: Record<string, unknown> }>;
  connections?: GroupConnection[];
}

/** the built-in package's own manifest, a sibling of this tool's folder */
async function builtinTools(): Promise<Map<string, BuiltinTool>> {
  const manifest = JSON.parse(await readFile(new URL('../weft-plugin.json', import.meta.url), 'utf8')) as { tools: BuiltinTool[] };
  return new Map(manifest.tools.map((t) => [t.id, t]));
}

async function loadClasses(group: SavedGroup, builtins: Map<string, BuiltinTool>) {
  const classes = new Map<string, PluginClass>();
  const defaults = new Map<string, Record<string, unknown>>();
  for (const tool of group.tools) {
    if (classes.has(tool.plugin)) continue;
    const builtin = builtins.get(tool.plugin.slice('weft/'.length));
    if (!builtin) throw new Error(`${tool.id}: the built-in tool ${tool.plugin} is no longer available`);
    const module = (await import(new URL(`../${builtin.entry}`, import.meta.url).href)) as { default: PluginClass };
    classes.set(tool.plugin, module.default);
    defaults.set(tool.plugin, builtin.defaultConfig ?? {});
  }
  return { classes, defaults };
}

export default class SaveAsTool implements Plugin {
  private group: Promise<GroupRun | null>;

  constructor(private readonly provider: Provider) {
    const record = provider.virtualPlugin;
    this.group = record ? this.startGroup(record.data) : Promise.resolve(null);
    // an unhandled rejection must not escape before the first lifecycle call awaits it
    this.group.catch(() => undefined);
  }

  private async startGroup(data: JsonValue): Promise<GroupRun> {
    const group = data as unknown as SavedGroup;
    const { classes, defaults } = await loadClasses(group, await builtinTools());
    return new GroupRun(this.provider, group, classes, defaults);
  }

  private async running(): Promise<GroupRun | null> {
    try {
      return await this.group;
    } catch (error) {
      this.provider.io.error(`saved tool ${this.provider.virtualPlugin?.id}: ${(error as Error).message}`);
      return null;
    }
  }

  async onInputConnectionOpened(connection: InputConnection): Promise<void> {
    await (await this.running())?.outerOpened(connection);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    await (await this.running())?.outerPacket(connection);
  }

  async onComplete(): Promise<void> {
    if (this.provider.virtualPlugin) {
      await (await this.running())?.outerComplete();
      return;
    }
    await this.save();
  }

  /** used directly: saves the configured selection as a virtual tool */
  private async save(): Promise<void> {
    const config = this.provider.toolConfig as unknown as SaveConfig;
    let group: SavedGroup;
    try {
      group = defineGroup(config.tools ?? [], config.connections ?? [], await builtinTools());
    } catch (error) {
      this.provider.io.error(`cannot save as a tool: ${(error as Error).message}`);
      return;
    }
    const record = await this.provider.virtualPlugins.create({
      id: config.id,
      name: config.name,
      description: config.description ?? `Saved from ${group.tools.map((t) => t.plugin).join(', ')}`,
      category: config.category ?? 'Macros',
      inputs: group.inputs.map(({ name, optional, allowMultiple }) => ({ name, optional, allowMultiple })),
      outputs: group.outputs.map(({ name }) => ({ name })),
      data: group as unknown as JsonValue,
    });
    this.provider.io.info(`saved as the tool weft/${record.id} (${record.name})`);
  }
}
