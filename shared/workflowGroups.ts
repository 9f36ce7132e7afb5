/**
 * Questions about the groups (tool containers) of a valid workflow: which groups hold a group,
 * and which tools do not run because their group or a group around it is disabled.
 */
import type { Group, Workflow } from './workflow.js';

/** the group and every group around it, innermost first; stops at a missing parent or a cycle */
export function groupChain(groups: readonly Group[], groupId: string | undefined): Group[] {
  const byId = new Map(groups.map((group) => [group.id, group]));
  const chain: Group[] = [];
  let current = groupId === undefined ? undefined : byId.get(groupId);
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = current.parent === undefined ? undefined : byId.get(current.parent);
  }
  return chain;
}

/** ids of the groups that are disabled themselves or sit inside a disabled group */
export function disabledGroupIds(workflow: Pick<Workflow, 'groups'>): Set<string> {
  const groups = workflow.groups ?? [];
  const disabled = new Set<string>();
  for (const group of groups) {
    if (groupChain(groups, group.id).some((g) => g.disabled)) disabled.add(group.id);
  }
  return disabled;
}

/** ids of the tools that do not run: their group, or a group around it, is disabled */
export function disabledToolIds(workflow: Pick<Workflow, 'groups' | 'tools'>): Set<string> {
  const disabledGroups = disabledGroupIds(workflow);
  const tools = new Set<string>();
  if (disabledGroups.size === 0) return tools;
  for (const tool of workflow.tools) {
    if (tool.group !== undefined && disabledGroups.has(tool.group)) tools.add(tool.id);
  }
  return tools;
}

/** the lowest file version that can hold the workflow: 2 with notes or groups, else 1 */
export function versionNeeded(workflow: Workflow): number {
  const layered = (workflow.notes?.length ?? 0) > 0 || (workflow.groups?.length ?? 0) > 0
    || workflow.tools.some((tool) => tool.group !== undefined);
  return layered ? 2 : 1;
}
