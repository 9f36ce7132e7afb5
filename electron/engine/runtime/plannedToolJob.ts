/**
 * What both run modes derive alike from one planned tool: the id of the class it runs, the part
 * of its worker job that does not depend on the mode, and who its plugin-service calls come from.
 */
import path from 'node:path';
import type { ToolJobBase } from './protocol.js';
import type { PlannedTool } from './runPlan.js';
import type { RunRecorder } from './runRecorder.js';
import type { ServiceCaller } from './serviceHost.js';
import { connectionsNamedBy, type ConnectionLookup } from './toolConnections.js';

export interface ToolJobSetting {
  workflowDir: string | null;
  weftVersion: string;
  tempRoot: string;
  connections?: ConnectionLookup;
}

/** full id of the class's own tool (the parent's, for a virtual tool) */
export function classToolIdOf(tool: PlannedTool): string {
  return tool.resolved?.virtualPlugin?.parent ?? tool.resolved?.descriptor.id ?? tool.node.plugin;
}

/** the mode-independent part of a resolved tool's worker job */
export function toolJobBase(tool: PlannedTool, runId: string, setting: ToolJobSetting): ToolJobBase {
  const resolved = tool.resolved!;
  return {
    runId,
    toolId: tool.node.id,
    classToolId: classToolIdOf(tool),
    entryPath: resolved.entryPath,
    config: tool.config,
    workflowDir: setting.workflowDir,
    tempDir: path.join(setting.tempRoot, tool.node.id),
    weftVersion: setting.weftVersion,
    virtualPlugin: resolved.virtualPlugin,
    connections: connectionsNamedBy(tool, setting.connections),
  };
}

/** the caller a resolved tool's service requests are answered for (results stored are recorded) */
export function serviceCallerOf(tool: PlannedTool, recorder: RunRecorder): ServiceCaller {
  const toolId = tool.node.id;
  return {
    runId: recorder.runId, toolId, packageName: tool.resolved!.descriptor.package, classToolId: classToolIdOf(tool),
    onResultStored: (file) => recorder.resultStored(toolId, file),
  };
}
