/**
 * The lines Messages shows after a full run: the run's outcome and total time first, then every
 * tool's records per output and its time, in the order the tools ran to an end.
 */
import type { RunSummary, ToolRunSummary } from '../../shared/runEvents.js';

export interface ReportLine {
  /** '' for the line about the whole run */
  toolId: string;
  level: 'info' | 'warn' | 'error';
  text: string;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

function recordsText(tool: ToolRunSummary): string {
  const outputs = Object.entries(tool.outputs).filter(([, output]) => output.records !== undefined);
  if (outputs.length === 0) return 'done';
  if (outputs.length === 1) return plural(outputs[0]![1].records!, 'record');
  return outputs.map(([anchor, output]) => `${anchor} ${output.records!.toLocaleString('en-US')}`).join(', ') + ' records';
}

function toolLine(toolId: string, tool: ToolRunSummary): ReportLine {
  const time = tool.durationMs !== undefined ? ` in ${formatDuration(tool.durationMs)}` : '';
  switch (tool.status) {
    case 'ok': return { toolId, level: 'info', text: `${recordsText(tool)}${time}` };
    case 'error': return { toolId, level: 'error', text: `failed${time}${Object.keys(tool.outputs).length > 0 ? ` after ${recordsText(tool)}` : ''}` };
    case 'cancelled': return { toolId, level: 'warn', text: tool.durationMs !== undefined ? `stopped after ${formatDuration(tool.durationMs)}, ${recordsText(tool)}` : 'did not run' };
  }
}

function totalLine(summary: RunSummary, startedAt: string | undefined): ReportLine {
  const tools = Object.values(summary.tools);
  const count = (status: ToolRunSummary['status']) => tools.filter((tool) => tool.status === status).length;
  const when = startedAt ? ` (run of ${new Date(startedAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'medium' })})` : '';
  const time = formatDuration(summary.durationMs);
  if (summary.status === 'cancelled') {
    return { toolId: '', level: 'warn', text: `Run cancelled after ${time}: ${plural(count('ok'), 'tool')} finished, ${count('cancelled') + count('error')} stopped${when}` };
  }
  if (summary.status === 'error') {
    return { toolId: '', level: 'error', text: `Run failed in ${time}: ${plural(count('error'), 'tool')} failed, ${count('ok')} ok, ${count('cancelled')} not run${when}` };
  }
  return { toolId: '', level: 'info', text: `Run finished in ${time}: ${plural(tools.length, 'tool')} ok${when}` };
}

/** the run's line, then one per tool, in the run's order, the tools that never started last */
export function runReportLines(summary: RunSummary, startedAt?: string): ReportLine[] {
  const ran = Object.entries(summary.tools);
  const started = ran.filter(([, tool]) => tool.durationMs !== undefined);
  const notStarted = ran.filter(([, tool]) => tool.durationMs === undefined);
  return [totalLine(summary, startedAt), ...[...started, ...notStarted].map(([toolId, tool]) => toolLine(toolId, tool))];
}
