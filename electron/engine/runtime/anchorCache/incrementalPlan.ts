/**
 * Which tools of an incremental run run, and which take their outputs from the anchor cache.
 * - A tool **runs** when it has no fingerprint (not cacheable, in error, downstream of a tool
 *   without one) or no usable cache entry for its fingerprint; a change (config, plugin, input
 *   file, connection, upstream) changes the fingerprint, so the changed tool and everything
 *   downstream of it run.
 * - A tool that runs needs the rows of each upstream tool: an upstream tool that does not run
 *   **replays** its cached anchor into it, or runs after all when that anchor was not kept.
 * - Every other tool is **cached**: its counts, metadata and preview come from its entry, and
 *   nothing is started for it.
 */
import type { RunPlan } from '../runPlan.js';
import { anchorReplayable } from './cacheEntry.js';
import type { StoredEntry } from './anchorCacheStore.js';

export type ToolSource = 'run' | 'cached' | 'replay';

export function incrementalPlan(plan: RunPlan, entries: ReadonlyMap<string, StoredEntry>): Map<string, ToolSource> {
  const runs = new Set(plan.tools.filter((t) => !entries.has(t.node.id)).map((t) => t.node.id));
  for (const tool of [...plan.tools].reverse()) {
    if (!runs.has(tool.node.id)) continue;
    for (const anchor of tool.inputs) {
      for (const c of anchor.connections) {
        const upstream = entries.get(c.from.tool);
        if (upstream && !anchorReplayable(upstream.entry.anchors[c.from.anchor])) runs.add(c.from.tool);
      }
    }
  }
  const sources = new Map<string, ToolSource>();
  for (const tool of plan.tools) {
    const id = tool.node.id;
    if (runs.has(id)) sources.set(id, 'run');
    else sources.set(id, [...tool.downstream].some((d) => runs.has(d)) ? 'replay' : 'cached');
  }
  return sources;
}
