/** `weft import FILE.yxmd [-o OUT.weft.json] [--json]`: an Alteryx workflow as a Weft workflow file. */
import { importAlteryxFile, type ImportReport, type ToolReport } from '../engine/alteryxImport/index.js';
import type { Command } from './commandLine.js';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK } from './exitCodes.js';
import type { Terminal } from './terminal.js';

const MARK: Record<ToolReport['status'], string> = { converted: 'converted', approximated: 'APPROXIMATED', unsupported: 'UNSUPPORTED' };

export function importReportText(report: ImportReport): string {
  const lines: string[] = [];
  const idWidth = Math.max(4, ...report.tools.map((t) => t.toolId.length));
  const weftWidth = Math.max(4, ...report.tools.map((t) => t.weft.length));
  for (const tool of report.tools) {
    lines.push(`${tool.toolId.padEnd(idWidth)}  ${tool.weft.padEnd(weftWidth)}  ${MARK[tool.status]}  (${tool.alteryx})`);
    for (const note of tool.notes) lines.push(`${' '.repeat(idWidth)}    - ${note}`);
  }
  const count = (status: ToolReport['status']) => report.tools.filter((t) => t.status === status).length;
  lines.push('', `Wrote ${report.output}: ${count('converted')} converted, ${count('approximated')} approximated, ${count('unsupported')} unsupported (kept as placeholders).`);
  return `${lines.join('\n')}\n`;
}

export async function importCommand(command: Extract<Command, { kind: 'import' }>, terminal: Terminal): Promise<number> {
  const result = await importAlteryxFile(command.file, command.output ?? undefined);
  if (!result.ok) {
    const message = `${result.file}: ${result.message}`;
    terminal.err(`weft: ${message}\n`);
    if (command.json) terminal.out(`${JSON.stringify({ status: 'failed', output: null, tools: [], errors: [message] }, null, 2)}\n`);
    return EXIT_INVALID;
  }
  if (command.json) terminal.out(`${JSON.stringify(result.report, null, 2)}\n`);
  else terminal.out(importReportText(result.report));
  return result.report.status === 'ok' ? EXIT_OK : EXIT_FAILED;
}
