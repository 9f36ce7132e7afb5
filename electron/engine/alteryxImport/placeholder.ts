/**
 * A tool the importer cannot convert stays in the workflow as a placeholder: plugin
 * `alteryx/<name>` (never installed, so a run reports it on that tool as a missing plugin), with
 * the Alteryx plugin name, the reason and the tool's whole `<Node>` XML in its config.
 */
import type { AlteryxTool } from './importTypes.js';

export const PLACEHOLDER_PACKAGE = 'alteryx';

/** `AlteryxBasePluginsGui.FuzzyMatch.FuzzyMatch` → `alteryx/fuzzy-match`; `Cleanse.yxmc` → `alteryx/macro-cleanse` */
export function placeholderPlugin(alteryxPlugin: string): string {
  const macro = /^(.*)\.yx(?:mc|wz|md)$/i.exec(alteryxPlugin);
  const base = macro ? `macro-${macro[1]}` : alteryxPlugin.split('.').pop() ?? alteryxPlugin;
  const slug = base
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${PLACEHOLDER_PACKAGE}/${slug === '' ? 'unknown' : slug}`;
}

export function placeholderConfig(tool: AlteryxTool, reason: string): Record<string, unknown> {
  return { alteryxPlugin: tool.plugin, reason, alteryxXml: tool.node.toXml() };
}
