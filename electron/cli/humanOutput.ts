/**
 * Human output of `weft run` / `weft update`: a live progress line per tool while the run goes
 * (only on a terminal), then a table of tools, statuses and record counts, and the messages.
 */
import type { RunEvent, RunSummary, ToolStatus } from '../../shared/runEvents.js';
import type { ToolNode } from '../../shared/workflow.js';
import type { Terminal } from './terminal.js';

const REDRAW_MS = 100;

interface ToolLine {
  id: string;
  plugin: string;
  status: ToolStatus;
  fraction: number | null;
  records: Map<string, number>;
}

const paint = (terminal: Terminal, code: string, text: string) => (terminal.colour ? `\x1b[${code}m${text}\x1b[0m` : text);

function statusText(terminal: Terminal, status: string): string {
  const code = status === 'ok' ? '32' : status === 'error' ? '31' : status === 'cancelled' ? '33' : status === 'running' ? '36' : '2';
  return paint(terminal, code, status);
}

function recordsText(records: Iterable<[string, number]>): string {
  const parts = [...records].map(([anchor, count]) => `${anchor} ${count.toLocaleString('en-US')}`);
  return parts.length > 0 ? parts.join(', ') : '-';
}

export class ProgressLines {
  private readonly lines: ToolLine[];
  private readonly byId = new Map<string, ToolLine>();
  private drawn = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly terminal: Terminal, tools: ToolNode[]) {
    this.lines = tools.map((tool) => ({ id: tool.id, plugin: tool.plugin, status: 'pending', fraction: null, records: new Map() }));
    for (const line of this.lines) this.byId.set(line.id, line);
  }

  readonly onEvent = (event: RunEvent): void => {
    if (!this.terminal.live || !('toolId' in event)) return;
    const line = this.byId.get(event.toolId);
    if (!line) return;
    if (event.type === 'tool-status') line.status = event.status;
    else if (event.type === 'tool-progress') line.fraction = event.fraction;
    else if (event.type === 'anchor-records') line.records.set(event.anchor, event.records);
    else return;
    this.schedule();
  };

  /** draws the final state and leaves the lines on screen */
  finish(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.terminal.live && this.drawn > 0) this.draw();
  }

  private schedule(): void {
    if (this.drawn === 0) this.draw();
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.draw();
    }, REDRAW_MS);
    this.timer.unref();
  }

  private draw(): void {
    const width = Math.max(40, (process.stderr.columns || 100) - 1);
    const idWidth = Math.max(...this.lines.map((l) => l.id.length), 4);
    const pluginWidth = Math.max(...this.lines.map((l) => l.plugin.length), 6);
    let text = this.drawn > 0 ? `\x1b[${this.drawn}A` : '';
    for (const line of this.lines) {
      const fraction = line.status === 'running' && line.fraction !== null ? ` ${Math.round(line.fraction * 100)}%` : '';
      const plain = `  ${line.id.padEnd(idWidth)}  ${line.plugin.padEnd(pluginWidth)}  `;
      const rest = `${fraction}  ${line.records.size > 0 ? recordsText(line.records) : ''}`;
      const visible = `${plain}${line.status}${rest}`.slice(0, width);
      const coloured = visible.startsWith(`${plain}${line.status}`) ? `${plain}${statusText(this.terminal, line.status)}${visible.slice(plain.length + line.status.length)}` : visible;
      text += `\x1b[2K${coloured}\n`;
    }
    this.drawn = this.lines.length;
    this.terminal.err(text);
  }
}

function table(rows: string[][], header: string[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...rows.map(format)];
}

export function summaryText(terminal: Terminal, summary: RunSummary, tools: ToolNode[]): string {
  const update = summary.mode === 'update';
  const plugins = new Map(tools.map((t) => [t.id, t.plugin]));
  const ids = [...new Set([...tools.map((t) => t.id), ...Object.keys(summary.tools)])].filter((id) => summary.tools[id]);
  const rows = ids.map((id) => {
    const tool = summary.tools[id]!;
    const outputs = Object.entries(tool.outputs);
    const detail = update
      ? outputs.map(([anchor, o]) => `${anchor}: ${o.metadata.fields.map((f) => `${f.name} ${f.type}`).join(', ') || '(no fields)'}`).join('; ') || '-'
      : recordsText(outputs.map(([anchor, o]) => [anchor, o.records ?? 0]));
    return [id, plugins.get(id) ?? '', tool.cached ? `${tool.status} (cached)` : tool.status, detail];
  });
  const lines = table(rows, ['tool', 'plugin', 'status', update ? 'output anchors (fields)' : 'records']);
  // colour the status column only after widths are computed from the plain text
  const out = lines.map((line, i) => (i < 2 ? line : line.replace(/ (ok|error|cancelled) /, (m, s: string) => ` ${statusText(terminal, s)} `)));
  const messages = ids.flatMap((id) => summary.tools[id]!.messages.map((m) => `  ${id}: ${m.level}: ${m.text}`));
  if (messages.length > 0) out.push('', 'Messages:', ...messages);
  const results = ids.flatMap((id) => summary.tools[id]!.results);
  if (results.length > 0) out.push('', 'Results:', ...results.map((r) => `  ${r}`));
  out.push('', `${update ? 'Update' : 'Run'} ${statusText(terminal, summary.status)} in ${summary.durationMs} ms`);
  return `${out.join('\n')}\n`;
}
