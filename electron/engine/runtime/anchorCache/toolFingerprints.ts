/**
 * A tool's fingerprint says everything its outputs depend on: its plugin (id, version, entry module
 * and its size and mtime, so a reinstall or a development reload changes it), its virtual-tool
 * record, its config, the workflow folder relative paths resolve against, every file or folder its
 * config names (path, size, mtime), and, per input connection, the connection (anchor, name, the
 * upstream tool's output anchor) and the upstream tool's own fingerprint. Equal fingerprints mean
 * equal outputs, so a cached entry with the tool's fingerprint can stand in for running it. A tool
 * that is not cacheable (its manifest says `"cacheable": false`, e.g. Output Data) has none, and
 * neither has anything downstream of it. The rules are listed in docs/cache.md.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PlannedTool, RunPlan } from '../runPlan.js';

export interface FingerprintSetting {
  workflowKey: string;
  workflowDir: string | null;
  weftVersion: string;
}

/** by tool id; null: the tool must run (not cacheable, in error, or downstream of such a tool) */
export async function toolFingerprints(plan: RunPlan, setting: FingerprintSetting): Promise<Map<string, string | null>> {
  const fingerprints = new Map<string, string | null>();
  for (const tool of plan.tools) fingerprints.set(tool.node.id, await fingerprintOf(tool, fingerprints, setting));
  return fingerprints;
}

export function isCacheable(tool: PlannedTool): boolean {
  return tool.error === null && tool.resolved !== undefined && tool.resolved.descriptor.cacheable !== false;
}

async function fingerprintOf(tool: PlannedTool, known: Map<string, string | null>, setting: FingerprintSetting): Promise<string | null> {
  if (!isCacheable(tool)) return null;
  const inputs: unknown[] = [];
  for (const anchor of tool.inputs) {
    for (const c of anchor.connections) {
      const upstream = known.get(c.from.tool);
      if (!upstream) return null;
      inputs.push([anchor.anchor, c.name, c.from.anchor, upstream]);
    }
  }
  const resolved = tool.resolved!;
  const entry = await fs.stat(resolved.entryPath).then((s) => [s.size, s.mtimeMs], () => null);
  const own = {
    weft: setting.weftVersion,
    workflow: setting.workflowKey,
    tool: tool.node.id,
    plugin: [resolved.descriptor.id, resolved.descriptor.version, resolved.entryPath, entry],
    virtual: resolved.virtualPlugin,
    config: tool.config,
    folder: setting.workflowDir,
    files: await filesNamedBy(tool.config, setting.workflowDir),
    inputs,
  };
  return createHash('sha256').update(stableJson(own)).digest('hex').slice(0, 32);
}

/** every string in the config that names an existing file or folder, with its size and mtime (wildcards: the folder's mtime) */
async function filesNamedBy(config: unknown, workflowDir: string | null): Promise<unknown[]> {
  const found: unknown[] = [];
  for (const text of stringsIn(config)) {
    if (!looksLikePath(text)) continue;
    const wildcard = /[*?]/.test(text);
    const target = wildcard ? path.dirname(text) : text;
    const absolute = path.isAbsolute(target) ? target : workflowDir ? path.resolve(workflowDir, target) : null;
    if (absolute === null) continue;
    const stat = await fs.stat(absolute).catch(() => null);
    found.push([text, absolute, stat ? [stat.size, stat.mtimeMs, stat.isDirectory()] : 'missing']);
  }
  return found;
}

function looksLikePath(text: string): boolean {
  return text.length > 0 && text.length < 4096 && (path.isAbsolute(text) || /[\\/]/.test(text) || /\.[A-Za-z0-9]{1,8}$/.test(text));
}

function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* stringsIn(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* stringsIn(item);
}

/** JSON with object keys sorted, so equal configs give equal text whatever their key order */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
  });
}
