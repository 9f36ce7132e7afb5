import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../shared/runEvents.js';
import type { RunMessage } from '../store/runStore.js';
import { messageItems, type MessageSources } from './messageList.js';
import { formatDuration } from './runReport.js';

const message = (id: number, source: RunMessage['source'], toolId: string, level: RunMessage['level'], text: string): RunMessage => ({ id, source, toolId, level, text });
const empty: MessageSources = { importMessages: [], runMessages: [], updateMessages: [], report: null, ranTools: new Set(), setup: {} };
const lines = (sources: Partial<MessageSources>) => messageItems({ ...empty, ...sources }).map((item) => [item.toolId, item.kind, item.text]);

const summary: RunSummary = {
  runId: 'r1', mode: 'full', status: 'cancelled', durationMs: 2500,
  tools: {
    in: { status: 'ok', durationMs: 40, messages: [], outputs: { Output: { records: 2000, metadata: { fields: [] } } }, results: [] },
    filter: { status: 'cancelled', durationMs: 1200, messages: [], outputs: { True: { records: 903, metadata: { fields: [] } }, False: { records: 10, metadata: { fields: [] } } }, results: [] },
    sort: { status: 'cancelled', messages: [], outputs: {}, results: [] },
  },
};

describe('Messages list', () => {
  it('reports the run, then each tool with its records and time; a cancelled run says so', () => {
    expect(lines({ report: { summary }, ranTools: new Set(['in', 'filter', 'sort']) })).toEqual([
      ['', 'warn', 'Run cancelled after 2.50 s: 1 tool finished, 2 stopped'],
      ['in', 'info', '2,000 records in 40 ms'],
      ['filter', 'warn', 'stopped after 1.20 s, True 903, False 10 records'],
      ['sort', 'warn', 'did not run'],
    ]);
  });

  it('lists a tool that is not set up once, in plain words, instead of the engine\'s errors about it', () => {
    const updateMessages = [
      message(1, 'update', 't3', 'error', 'invalid config: config.keys.0: missing required key "field"'),
      message(2, 'update', 't4', 'error', 'Condition: unknown field [x]'),
    ];
    const runMessages = [message(3, 'run', 't4', 'error', 'Condition: unknown field [x]')];
    expect(lines({ updateMessages, runMessages, ranTools: new Set(['t4']), setup: { t3: ['Sort keys, row 1: choose the field'] } })).toEqual([
      ['t3', 'setup', 'Sort keys, row 1: choose the field'],
      ['t4', 'error', 'Condition: unknown field [x]'],
    ]);
  });

  it('formats times for people', () => {
    expect([formatDuration(12), formatDuration(5756), formatDuration(42_000), formatDuration(125_000)]).toEqual(['12 ms', '5.76 s', '42.0 s', '2 min 5 s']);
  });
});
