/**
 * An Alteryx workflow's XML as a Weft workflow and a report of each tool. Plain data in and out
 * (the file system is touched only to find input files), so the command, the app's main process
 * and the browser-mode server share it.
 */
import { emptyWorkflow, type Connection, type ToolNode, type Workflow } from '../../../shared/workflow.js';
import { readAlteryxDocument, type AlteryxDocument } from './alteryxDocument.js';
import { addCanvasLayout } from './canvasLayout.js';
import { converterOf } from './converterTable.js';
import type { FormulaConstants } from './formulaDialect.js';
import { workflowConstants } from './workflowConstants.js';
import type { AlteryxTool, Conversion, ImportContext, ToolReport } from './importTypes.js';
import { placeholderConfig, placeholderPlugin } from './placeholder.js';
import { parseXml } from './xmlTree.js';

/** Weft's tools are larger than Alteryx's icons: positions keep their layout, spread by this factor */
export const POSITION_SCALE = 2.5;

export interface ImportOptions {
  yxmdDir: string;
  outputDir: string;
}

export type ImportResult =
  | { ok: true; workflow: Workflow; tools: ToolReport[]; document: AlteryxDocument }
  | { ok: false; message: string };

function contextFor(document: AlteryxDocument, options: ImportOptions, constants: FormulaConstants): ImportContext {
  const byId = new Map(document.tools.map((t) => [t.toolId, t]));
  return {
    yxmdDir: options.yxmdDir,
    outputDir: options.outputDir,
    constants,
    savedMetadata: (toolId, anchor) => byId.get(toolId)?.metaInfo.get(anchor),
    outputsUsed: (toolId) => [...new Set(document.connections.filter((c) => c.from.toolId === toolId).map((c) => c.from.anchor))],
    upstreamOf: (toolId, anchor) => document.connections
      .filter((c) => c.to.toolId === toolId && c.to.anchor === anchor)
      .map((c) => ({ toolId: c.from.toolId, anchor: c.from.anchor, ...(c.name !== undefined && { name: c.name }) })),
  };
}

function convertOne(tool: AlteryxTool, context: ImportContext): Conversion {
  const converter = converterOf(tool.plugin);
  if (!converter) {
    return { kind: 'unsupported', reason: /\.yx(mc|wz)$/i.test(tool.plugin) ? `the macro ${tool.plugin} is not supported` : `the Alteryx tool ${tool.plugin} has no Weft converter` };
  }
  try {
    return converter(tool, context);
  } catch (error) {
    return { kind: 'unsupported', reason: `could not read its configuration: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** containers that are disabled themselves or sit inside a disabled one */
function disabledContainers(document: AlteryxDocument): Set<string> {
  const byId = new Map(document.containers.map((c) => [c.toolId, c]));
  const disabled = new Set<string>();
  for (const container of document.containers) {
    for (let at: typeof container | undefined = container; at; at = at.parent === undefined ? undefined : byId.get(at.parent)) {
      if (at.disabled) {
        disabled.add(container.toolId);
        break;
      }
    }
  }
  return disabled;
}

const scaled = (p: { x: number; y: number }) => ({ x: Math.round(p.x * POSITION_SCALE), y: Math.round(p.y * POSITION_SCALE) });

export function importAlteryxXml(text: string, options: ImportOptions): ImportResult {
  const parsed = parseXml(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.root.name !== 'AlteryxDocument') return { ok: false, message: `not an Alteryx workflow: the root element is <${parsed.root.name}>, not <AlteryxDocument>` };
  const document = readAlteryxDocument(parsed.root);
  const context = contextFor(document, options, workflowConstants(parsed.root, options.outputDir));
  const workflow = emptyWorkflow();
  const reports: ToolReport[] = [];
  /** per Alteryx tool: where each of its output anchors now comes from, and its input anchor names */
  const outputsOf = new Map<string, (anchor: string) => { tool: string; anchor: string }>();
  const inputsOf = new Map<string, (anchor: string) => string>();
  const inputNamesOf = new Map<string, Record<string, string>>();

  for (const tool of document.tools) {
    const conversion = convertOne(tool, context);
    const node: ToolNode = { id: tool.toolId, plugin: '', config: {}, position: scaled(tool.position) };
    if (tool.annotation !== undefined) node.annotation = tool.annotation;
    if (conversion.kind === 'unsupported') {
      node.plugin = placeholderPlugin(tool.plugin);
      node.config = placeholderConfig(tool, conversion.reason);
      workflow.tools.push(node);
      reports.push({ toolId: tool.toolId, alteryx: tool.plugin, weft: node.plugin, status: 'unsupported', notes: [conversion.reason] });
      outputsOf.set(tool.toolId, (anchor) => ({ tool: tool.toolId, anchor }));
      inputsOf.set(tool.toolId, (anchor) => anchor);
      continue;
    }
    node.plugin = conversion.plugin;
    node.config = conversion.config;
    workflow.tools.push(node);
    const rerouted = new Map<string, { tool: string; anchor: string }>();
    const outputName = (anchor: string) => conversion.outputAnchors?.[anchor] ?? conversion.outputAnchors?.['*'] ?? anchor;
    (conversion.helpers ?? []).forEach((helper, index) => {
      const id = `${tool.toolId}.${helper.suffix}`;
      const from = rerouted.get(helper.anchor) ?? { tool: tool.toolId, anchor: outputName(helper.anchor) };
      workflow.tools.push({ id, plugin: helper.plugin, config: helper.config, position: { x: node.position.x + 60 * (index + 1), y: node.position.y + 90 * (index + 1) } });
      workflow.connections.push({ from, to: { tool: id, anchor: 'Input' } });
      rerouted.set(helper.anchor, { tool: id, anchor: 'Output' });
    });
    outputsOf.set(tool.toolId, (anchor) => rerouted.get(anchor) ?? { tool: tool.toolId, anchor: outputName(anchor) });
    inputsOf.set(tool.toolId, (anchor) => conversion.inputAnchors?.[anchor] ?? conversion.inputAnchors?.['*'] ?? anchor);
    if (conversion.inputNames) inputNamesOf.set(tool.toolId, conversion.inputNames);
    reports.push({
      toolId: tool.toolId, alteryx: tool.plugin, weft: conversion.plugin,
      status: conversion.approximations.length > 0 ? 'approximated' : 'converted',
      notes: [...conversion.approximations, ...conversion.notes],
    });
  }

  for (const connection of document.connections) {
    const from = outputsOf.get(connection.from.toolId);
    const to = inputsOf.get(connection.to.toolId);
    if (!from || !to) continue;
    const weft: Connection = { from: from(connection.from.anchor), to: { tool: connection.to.toolId, anchor: to(connection.to.anchor) } };
    const name = inputNamesOf.get(connection.to.toolId)?.[connection.to.anchor] ?? connection.name;
    if (name !== undefined) weft.name = name;
    workflow.connections.push(weft);
  }
  addCanvasLayout(workflow, document, POSITION_SCALE);
  const disabled = disabledContainers(document);
  for (const tool of document.tools) {
    if (tool.container !== undefined && disabled.has(tool.container)) reports.find((r) => r.toolId === tool.toolId)?.notes.push('in a disabled container: it does not run');
  }
  return { ok: true, workflow, tools: reports, document };
}
