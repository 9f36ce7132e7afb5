/**
 * What the Messages panel lists, in order: the import report, the latest run's outcome (the run,
 * then each tool's records and time), what keeps tools from running ("not configured"), then the
 * run's and the update-only pass's messages. The same text of a tool is listed once.
 */
import type { RunMessage, RunReport } from '../store/runStore.js';
import { runReportLines } from './runReport.js';

export type MessageKind = 'info' | 'warn' | 'error' | 'setup';

export interface MessageItem {
  key: string;
  kind: MessageKind;
  /** '' for a line about the whole run */
  toolId: string;
  text: string;
  /** where it comes from, when that is not the latest full run */
  origin?: 'before run' | 'import';
}

export interface MessageSources {
  importMessages: RunMessage[];
  runMessages: RunMessage[];
  updateMessages: RunMessage[];
  report: RunReport | null;
  /** tools the latest full run still speaks for (an edit since drops the tool and its downstream) */
  ranTools: ReadonlySet<string>;
  /** plain-language setup problems by tool (model/setupProblems) */
  setup: Readonly<Record<string, string[]>>;
}

export function messageItems(sources: MessageSources): MessageItem[] {
  const items: MessageItem[] = [];
  const seen = new Set<string>();
  const add = (item: MessageItem) => {
    const identity = `${item.toolId}\u0000${item.kind}\u0000${item.text}`;
    if (seen.has(identity)) return;
    seen.add(identity);
    items.push(item);
  };
  for (const message of sources.importMessages) add({ key: `m${message.id}`, kind: message.level, toolId: message.toolId, text: message.text, origin: 'import' });
  if (sources.report) {
    runReportLines(sources.report.summary, sources.report.startedAt).forEach((line, index) => {
      if (line.toolId === '' || sources.ranTools.has(line.toolId)) add({ key: `r${index}`, kind: line.level, toolId: line.toolId, text: line.text });
    });
  }
  for (const [toolId, problems] of Object.entries(sources.setup)) {
    for (const text of problems) add({ key: `s${toolId}\u0000${text}`, kind: 'setup', toolId, text });
  }
  // a tool that is not set up fails for that reason: its errors only repeat it in the engine's words
  const explained = (message: RunMessage) => message.level === 'error' && sources.setup[message.toolId] !== undefined;
  for (const message of sources.runMessages) {
    if (!explained(message)) add({ key: `m${message.id}`, kind: message.level, toolId: message.toolId, text: message.text });
  }
  for (const message of sources.updateMessages) {
    if (explained(message)) continue;
    // once a full run spoke for a tool, its update-only notes are old news; its problems are not
    if (sources.ranTools.has(message.toolId) && message.level === 'info') continue;
    add({ key: `m${message.id}`, kind: message.level, toolId: message.toolId, text: message.text, origin: 'before run' });
  }
  return items;
}
