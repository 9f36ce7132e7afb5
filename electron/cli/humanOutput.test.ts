import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../shared/runEvents.js';
import type { ToolNode } from '../../shared/workflow.js';
import { ProgressLines, summaryText } from './humanOutput.js';
import type { Terminal } from './terminal.js';

function capture(live: boolean): Terminal & { written: string[] } {
  const written: string[] = [];
  return { written, live, colour: false, out: (t) => written.push(t), err: (t) => written.push(t) };
}

const tools: ToolNode[] = [
  { id: 'in', plugin: 'weft/text-input', config: {}, position: { x: 0, y: 0 } },
  { id: 'f', plugin: 'weft/filter', config: {}, position: { x: 0, y: 0 } },
];
const fields = [{ name: 'n', type: 'int32' as const }];

const summary: RunSummary = {
  runId: 'r', mode: 'full', status: 'error', durationMs: 42,
  tools: {
    in: { status: 'ok', messages: [], outputs: { Output: { records: 1500, metadata: { fields } } }, results: [] },
    f: { status: 'error', messages: [{ level: 'error', text: 'bad expression' }], outputs: { True: { records: 3, metadata: { fields } }, False: { records: 0, metadata: { fields } } }, results: ['/tmp/x.csv'] },
  },
};

describe('human output', () => {
  it('draws one line per tool on a terminal and redraws them in place', () => {
    const terminal = capture(true);
    const progress = new ProgressLines(terminal, tools);
    progress.onEvent({ type: 'tool-status', runId: 'r', toolId: 'in', status: 'running' });
    progress.onEvent({ type: 'anchor-records', runId: 'r', toolId: 'in', anchor: 'Output', records: 1500 });
    progress.finish();
    const text = terminal.written.join('');
    expect(text.split('\n').filter(Boolean)).toHaveLength(4);
    expect(text).toContain('\x1b[2A');
    expect(text).toMatch(/in\s+weft\/text-input\s+running\s+Output 1,500/);
  });

  it('draws nothing when not on a terminal', () => {
    const terminal = capture(false);
    const progress = new ProgressLines(terminal, tools);
    progress.onEvent({ type: 'tool-status', runId: 'r', toolId: 'in', status: 'running' });
    progress.finish();
    expect(terminal.written).toEqual([]);
  });

  it('prints a table of tools, plugins, statuses and records per output anchor, then messages and results', () => {
    const text = summaryText(capture(false), summary, tools);
    expect(text.split('\n').slice(0, 4)).toEqual([
      'tool  plugin           status  records',
      '----  ---------------  ------  ---------------',
      'in    weft/text-input  ok      Output 1,500',
      'f     weft/filter      error   True 3, False 0',
    ]);
    expect(text).toContain('  f: error: bad expression');
    expect(text).toContain('  /tmp/x.csv');
    expect(text).toMatch(/Run error in 42 ms\n$/);
  });

  it('shows fields instead of record counts for update-only', () => {
    const update: RunSummary = { ...summary, mode: 'update', status: 'ok', tools: { in: { status: 'ok', messages: [], outputs: { Output: { metadata: { fields } } }, results: [] } } };
    const text = summaryText(capture(false), update, tools);
    expect(text).toMatch(/in\s+weft\/text-input\s+ok\s+Output: n int32/);
    expect(text).toMatch(/Update ok in 42 ms/);
  });
});
