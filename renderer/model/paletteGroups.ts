import type { ToolDescriptor } from '../../shared/manifest.js';

/** Tools grouped by category (alphabetical, "Other" last), filtered by name, id, category or description. */
export function groupTools(tools: ToolDescriptor[], query: string): Array<[string, ToolDescriptor[]]> {
  const needle = query.trim().toLowerCase();
  const groups = new Map<string, ToolDescriptor[]>();
  for (const tool of tools) {
    const haystack = `${tool.name} ${tool.id} ${tool.category} ${tool.description}`.toLowerCase();
    if (needle !== '' && !haystack.includes(needle)) continue;
    groups.set(tool.category, [...(groups.get(tool.category) ?? []), tool]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b)))
    .map(([category, list]) => [category, [...list].sort((x, y) => x.name.localeCompare(y.name))]);
}
