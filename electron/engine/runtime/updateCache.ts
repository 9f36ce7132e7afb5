/**
 * Update-only results by what determines them: the tool id, the plugin (id, version, virtual record), its
 * config, the workflow folder and the metadata arriving on each input connection. A tool whose key
 * is unchanged is not run again, so an edit re-runs only the changed tool and what is downstream.
 */
import type { Metadata } from '../../../shared/metadata.js';
import type { ToolMessage } from '../../../shared/runEvents.js';
import type { UpdateToolJob } from './protocol.js';
import type { PlannedTool } from './runPlan.js';

export interface CachedUpdate {
  outputs: Record<string, Metadata>;
  messages: ToolMessage[];
}

export function updateCacheKey(tool: PlannedTool, job: UpdateToolJob): string {
  const resolved = tool.resolved!;
  return JSON.stringify([
    // the tool id too: a plugin sees provider.toolId, and each tool's messages are its own
    job.toolId, resolved.descriptor.id, resolved.descriptor.version, resolved.entryPath, resolved.virtualPlugin,
    job.config, job.workflowDir, job.inputs, job.outputs,
  ]);
}

export class UpdateCache {
  private readonly entries = new Map<string, CachedUpdate>();

  constructor(private readonly limit = 2000) {}

  get(key: string): CachedUpdate | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // least recently used goes first when the cache is full
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedUpdate): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
