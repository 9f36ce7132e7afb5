/**
 * The test harness for plugin authors (`runTool` of `@weft/sdk/testing`): runs one tool of a plugin
 * folder through the real engine (worker threads, validation, update-only or a full run), fed by
 * the given rows per input anchor, and returns each output anchor's metadata and rows and the
 * tool's messages.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Metadata } from '../../../shared/metadata.js';
import type { RunSummary } from '../../../shared/runEvents.js';
import type { RunToolOptions, RunToolResult } from '../../../shared/sdk/harness.js';
import type { RecordRow } from '../../../shared/sdk/plugin.js';
import { WORKFLOW_FORMAT, WORKFLOW_VERSION, type Workflow } from '../../../shared/workflow.js';
import { createPluginRegistry } from '../registry/pluginRegistry.js';
import { WorkflowRunner } from '../runtime/workflowRunner.js';
import { HARNESS_CAPTURE, HARNESS_SOURCE, writeHarnessPackage } from './harnessPackage.js';
import { decodeRows, encodeRows, type JsonCell } from './harnessValues.js';
import { inferMetadata } from './inferMetadata.js';

const TOOL = 'tool';

export async function runTool(options: RunToolOptions): Promise<RunToolResult> {
  const weftHome = await fs.mkdtemp(path.join(os.tmpdir(), 'weft-harness-home-'));
  const harnessDir = await writeHarnessPackage();
  const registry = await createPluginRegistry({ dataDir: weftHome, builtinDir: harnessDir }).catch(async (error: unknown) => {
    await removeAll(weftHome, harnessDir);
    throw error;
  });
  const runner = new WorkflowRunner({ resolver: registry, services: registry.services, weftVersion: 'harness' });
  try {
    const tools = await registry.loadFolder(options.plugin, { watch: false });
    const tool = pickTool(tools.map((t) => t.id), options);
    const descriptor = tools.find((t) => t.id === tool)!;
    for (const anchor of Object.keys(options.inputs ?? {})) {
      if (!descriptor.inputs.some((a) => a.name === anchor)) {
        throw new Error(`runTool: ${tool} has no input anchor "${anchor}" (it has: ${descriptor.inputs.map((a) => a.name).join(', ') || 'none'})`);
      }
    }
    const workflow = harnessWorkflow(tool, options, descriptor.outputs.map((a) => a.name));
    const summary = await runner.run(workflow, {
      mode: options.updateOnly ? 'update' : 'full', workflowDir: null, useCache: false, timeoutMs: options.timeoutMs ?? 60_000,
    });
    const metadata: Record<string, Metadata | null> = {};
    const rows: Record<string, RecordRow[]> = {};
    for (const anchor of descriptor.outputs) {
      metadata[anchor.name] = summary.tools[TOOL]?.outputs[anchor.name]?.metadata ?? null;
      rows[anchor.name] = options.updateOnly ? [] : await capturedRows(summary, anchor.name);
    }
    return { status: summary.tools[TOOL]?.status ?? summary.status, metadata, rows, messages: summary.tools[TOOL]?.messages ?? [], summary };
  } finally {
    await runner.dispose();
    await registry.dispose();
    await removeAll(weftHome, harnessDir);
  }
}

function pickTool(ids: string[], options: RunToolOptions): string {
  if (options.tool !== undefined) {
    const found = ids.find((id) => id === options.tool || id.endsWith(`/${options.tool}`));
    if (!found) throw new Error(`runTool: ${options.plugin} has no tool "${options.tool}" (it has: ${ids.join(', ')})`);
    return found;
  }
  if (ids.length !== 1) throw new Error(`runTool: ${options.plugin} has ${ids.length} tools (${ids.join(', ')}); say which with \`tool\``);
  return ids[0];
}

function harnessWorkflow(tool: string, options: RunToolOptions, outputs: string[]): Workflow {
  const workflow: Workflow = {
    format: WORKFLOW_FORMAT, version: WORKFLOW_VERSION,
    tools: [{ id: TOOL, plugin: tool, config: options.config ?? {}, position: { x: 200, y: 0 } }],
    connections: [],
  };
  for (const [anchor, input] of Object.entries(options.inputs ?? {})) {
    const given = Array.isArray(input) ? { metadata: inferMetadata(input, anchor), rows: input } : input;
    const names = given.metadata.fields.map((f) => f.name);
    const id = `input:${anchor}`;
    workflow.tools.push({ id, plugin: HARNESS_SOURCE, config: { metadata: given.metadata, rows: encodeRows(given.rows, names) }, position: { x: 0, y: 0 } });
    workflow.connections.push({ from: { tool: id, anchor: 'Output' }, to: { tool: TOOL, anchor } });
  }
  for (const anchor of outputs) {
    const id = `output:${anchor}`;
    workflow.tools.push({ id, plugin: HARNESS_CAPTURE, config: {}, position: { x: 400, y: 0 } });
    workflow.connections.push({ from: { tool: TOOL, anchor }, to: { tool: id, anchor: 'Input' } });
  }
  return workflow;
}

async function capturedRows(summary: RunSummary, anchor: string): Promise<RecordRow[]> {
  const file = summary.tools[`output:${anchor}`]?.results[0];
  if (!file) return [];
  const stored = JSON.parse(await fs.readFile(file, 'utf8')) as { metadata: Metadata | null; rows: JsonCell[][] };
  return stored.metadata ? decodeRows(stored.rows, stored.metadata.fields.map((f) => f.name)) : [];
}

async function removeAll(...dirs: string[]): Promise<void> {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
}
