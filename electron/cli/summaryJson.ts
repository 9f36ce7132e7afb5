/**
 * The JSON that `weft run --json` and `weft update --json` print (docs/workflow-format.md and docs/cli.md):
 * `{ status, durationMs, tools: { id: { status, messages, outputs: { anchor: { records, metadata } }, results } } }`,
 * without `records` for an update-only run.
 */
import type { AnchorSummary, RunSummary, ToolRunSummary } from '../../shared/runEvents.js';

export interface CommandRunJson {
  status: RunSummary['status'];
  durationMs: number;
  tools: Record<string, ToolRunSummary>;
}

export function summaryJson(summary: RunSummary): CommandRunJson {
  const tools: Record<string, ToolRunSummary> = {};
  for (const [toolId, tool] of Object.entries(summary.tools)) {
    const outputs: Record<string, AnchorSummary> = {};
    for (const [anchor, output] of Object.entries(tool.outputs)) {
      outputs[anchor] = summary.mode === 'update'
        ? { metadata: output.metadata }
        : { records: output.records ?? 0, metadata: output.metadata };
    }
    tools[toolId] = { status: tool.status, messages: tool.messages, outputs, results: tool.results, cached: tool.cached === true, engine: tool.engine ?? 'streaming' };
  }
  return { status: summary.status, durationMs: summary.durationMs, tools };
}

export function invalidJson(errors: string[]): { status: 'invalid'; errors: string[] } {
  return { status: 'invalid', errors };
}
