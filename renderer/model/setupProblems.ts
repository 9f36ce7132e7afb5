/**
 * What a tool still needs before it can run, in plain language: a required input left unconnected,
 * a setting missing or left empty. A tool with such problems is "not configured" (grey), which is
 * not an "error" (red: it ran, or tried to, and failed).
 */
import type { RJSFSchema } from '@rjsf/utils';
import { mergeDefaultConfig } from '../../shared/configDefaults.js';
import type { ToolDescriptor } from '../../shared/manifest.js';
import type { Connection, ToolNode } from '../../shared/workflow.js';
import { configProblems } from './formValidator.js';

export function setupProblems(tool: ToolNode, descriptor: ToolDescriptor, connections: readonly Connection[]): string[] {
  const problems: string[] = [];
  const required = descriptor.inputs.filter((anchor) => !anchor.optional);
  for (const anchor of required) {
    if (connections.some((c) => c.to.tool === tool.id && c.to.anchor === anchor.name)) continue;
    problems.push(descriptor.inputs.length === 1 ? 'Connect its input' : `Connect its ${anchor.name} input`);
  }
  try {
    const config = mergeDefaultConfig(descriptor.defaultConfig, tool.config);
    problems.push(...configProblems(descriptor.configSchema as RJSFSchema, config).map((problem) => problem.message ?? ''));
  } catch {
    // a schema the validator cannot read: the host checks the config before a run and says why
  }
  return [...new Set(problems.filter((text) => text !== ''))];
}
