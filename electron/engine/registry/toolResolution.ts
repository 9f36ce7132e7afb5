/**
 * Resolving a full tool id (`package/tool`) to what the runtime needs, and listing every tool:
 * real tools from the active packages, then virtual tools described from their parent.
 */
import type { ToolDescriptor } from '../../../shared/manifest.js';
import type { VirtualPluginRecord } from '../../../shared/sdk/plugin.js';
import type { ResolvedTool } from '../hostContracts.js';
import type { LoadedPackage, LoadedTool } from './packageLoader.js';
import type { RegistryContents } from './registryContents.js';
import type { VirtualValidators } from './virtualTools.js';

export function resolveRealTool(contents: RegistryContents, fullId: string): ResolvedTool | undefined {
  const [packageName, id, ...rest] = fullId.split('/');
  if (rest.length > 0 || !packageName || !id) return undefined;
  const pkg = contents.activePackage(packageName);
  const tool = pkg?.tools.get(id);
  return pkg && tool ? toResolved(pkg, tool) : undefined;
}

export function resolveTool(contents: RegistryContents, validators: VirtualValidators, fullId: string): ResolvedTool | undefined {
  const real = resolveRealTool(contents, fullId);
  if (real) return real;
  const record = contents.virtualRecords.find((r) => `${r.package}/${r.id}` === fullId);
  if (!record) return undefined;
  const parent = resolveRealTool(contents, record.parent);
  if (!parent) return undefined;
  return {
    descriptor: virtualDescriptor(record, parent.descriptor),
    entryPath: parent.entryPath,
    packageDir: parent.packageDir,
    virtualPlugin: record,
    validateConfig: validators.forRecord(record),
  };
}

export function listTools(contents: RegistryContents, validators: VirtualValidators): ToolDescriptor[] {
  const names = [...new Set([...contents.installed.keys(), ...contents.loaded.keys()])].sort();
  const packages = [contents.builtin, ...names.map((n) => contents.activePackage(n))];
  const real = packages.flatMap((pkg) => (pkg ? [...pkg.tools.values()].map((t) => t.descriptor) : []));
  const virtual = contents.virtualRecords
    .map((r) => resolveTool(contents, validators, `${r.package}/${r.id}`))
    .filter((t): t is ResolvedTool => t !== undefined && t.virtualPlugin !== null)
    .map((t) => t.descriptor);
  return [...real, ...virtual];
}

function toResolved(pkg: LoadedPackage, tool: LoadedTool): ResolvedTool {
  return { descriptor: tool.descriptor, entryPath: tool.entryPath, packageDir: pkg.dir, virtualPlugin: null, validateConfig: tool.validateConfig };
}

function virtualDescriptor(record: VirtualPluginRecord, parent: ToolDescriptor): ToolDescriptor {
  const anchors = (list: VirtualPluginRecord['inputs']) =>
    list.map((a) => ({ name: a.name, optional: a.optional ?? false, allowMultiple: a.allowMultiple ?? false }));
  return {
    id: `${record.package}/${record.id}`,
    name: record.name,
    category: record.category ?? 'Other',
    description: record.description ?? '',
    package: record.package,
    packageDisplayName: parent.packageDisplayName,
    version: parent.version,
    source: 'virtual',
    parent: record.parent,
    inputs: anchors(record.inputs),
    outputs: anchors(record.outputs),
    configSchema: record.configSchema ?? { type: 'object' },
    defaultConfig: record.defaultConfig ?? {},
    iconSvg: parent.iconSvg,
    // a virtual tool runs its parent's class: it is as reproducible as its parent
    cacheable: parent.cacheable,
  };
}
