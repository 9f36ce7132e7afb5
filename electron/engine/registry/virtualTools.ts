/**
 * The registry's side of virtual tools: reading the records from their store, the check a new
 * record must pass (known parent, no id clash, a schema that compiles), and one compiled config
 * validator per record version.
 */
import type { VirtualPluginRecord } from '../../../shared/sdk/plugin.js';
import type { PluginStores } from '../stores/pluginServices.js';
import { compileConfigSchema, type ConfigValidator } from './configSchemas.js';
import type { RegistryContents } from './registryContents.js';
import { resolveRealTool } from './toolResolution.js';

export async function refreshVirtual(contents: RegistryContents, stores: PluginStores): Promise<void> {
  try {
    contents.virtualRecords = await stores.virtualPlugins.refresh();
  } catch (error) {
    contents.notice('error', `virtual plugins not loaded: ${(error as Error).message}`);
  }
}

/** null when `record` may be created; else why not */
export function virtualProblem(contents: RegistryContents, record: VirtualPluginRecord): string | null {
  const parent = resolveRealTool(contents, record.parent);
  if (!parent) return `the parent tool ${record.parent} is not known to this registry`;
  const pkg = contents.activePackage(record.package);
  if (pkg?.tools.has(record.id)) return `the id clashes with the tool ${record.package}/${record.id} of the ${pkg.source} package at ${pkg.dir}`;
  if (record.configSchema) {
    try {
      compileConfigSchema(record.configSchema);
    } catch (error) {
      return `configSchema: ${(error as Error).message}`;
    }
  }
  return null;
}

/** compiled config validators of virtual tools, kept per record version (`createdAt`) */
export class VirtualValidators {
  private readonly byKey = new Map<string, ConfigValidator>();

  forRecord(record: VirtualPluginRecord): ConfigValidator {
    if (!record.configSchema) return () => [];
    const key = `${record.package}/${record.id}@${record.createdAt}`;
    let validator = this.byKey.get(key);
    if (!validator) {
      try {
        validator = compileConfigSchema(record.configSchema);
      } catch (error) {
        const message = `virtual tool ${record.package}/${record.id}: configSchema ${(error as Error).message}`;
        validator = () => [message];
      }
      this.byKey.set(key, validator);
    }
    return validator;
  }
}
