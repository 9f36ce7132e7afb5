import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import type { PreviewRow } from '../../shared/runEvents.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const spans: TestData = {
  fields: [{ name: 'name', type: 'v_wstring', size: 20 }, { name: 'start', type: 'date' }, { name: 'end', type: 'date' }, { name: 'n', type: 'int32' }],
  columns: {
    name: ['a', '東京', 'c', 'd'],
    start: ['2024-02-27', '2024-01-01', null, '2024-12-31'],
    end: ['2024-03-01', '2023-12-31', '2024-01-01', '2025-01-01'],
    n: [5, 2, 0, null],
  },
};

const days = { updateExisting: false, field: 'Day', type: 'date', init: '[start]', condition: '[Day] <= [end]', loop: 'DateTimeAdd([Day], 1, "days")' };
const pairs = (rows: PreviewRow[], a: string, b: string) => rows.map((r) => `${r[a]}:${r[b]}`);

describe('generate rows through the engine', () => {
  it('generates one set without an input (the default config counts 1 to 10)', async () => {
    const update = await runTool(engine, 'generate-rows', {}, null, { mode: 'update' });
    expect(update.summary.tools.t.outputs.Output.metadata.fields).toEqual([{ name: 'RowCount', type: 'int32', source: 'GenerateRows: 1 / [RowCount] <= 10 / [RowCount] + 1' }]);
    const { outputs } = await runTool(engine, 'generate-rows', {}, null);
    expect(outputs.Output.map((r) => r.RowCount)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('gives the exact output metadata with an input', async () => {
    const { summary } = await runTool(engine, 'generate-rows', days, spans, { mode: 'update' });
    expect(summary.tools.t.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`)).toEqual(['name:v_wstring', 'start:date', 'end:date', 'n:int32', 'Day:date']);
  });

  for (const packetRows of [1, 2, 3]) {
    it(`loops for each input row, input row by input row, in packets of ${packetRows}`, async () => {
      const { outputs } = await runTool(engine, 'generate-rows', days, spans, { packetRows });
      expect(pairs(outputs.Output, 'name', 'Day')).toEqual(['a:2024-02-27', 'a:2024-02-28', 'a:2024-02-29', 'a:2024-03-01', 'd:2024-12-31', 'd:2025-01-01']);
    });
  }

  it('updates an existing field, each value stored as its type before the condition reads it', async () => {
    const config = { updateExisting: true, field: 'n', init: '[n] * 1.5', condition: '[n] > 0', loop: '[n] - 3' };
    const { outputs } = await runTool(engine, 'generate-rows', config, spans, { packetRows: 2 });
    // 5 * 1.5 = 7.5 is stored in int32 as 8, then 5, 2; 2 * 1.5 = 3; 0 and null never hold
    expect(pairs(outputs.Output, 'name', 'n')).toEqual(['a:8', 'a:5', 'a:2', '東京:3']);
  });

  it('stops a loop that never ends at the row limit, naming the input row', async () => {
    const config = { updateExisting: true, field: 'n', init: '[n]', condition: '[n] > 0', loop: '[n] / 2', maxRows: 50 };
    const { summary, messages } = await runTool(engine, 'generate-rows', config, spans, { packetRows: 2 });
    expect(summary.tools.t.status).toBe('error');
    expect(messages.join('\n')).toMatch(/input row 1 generated more than 50 rows and its condition still holds/);
  });

  it('writes a large output in packets (one input row, 150k rows)', async () => {
    const one: TestData = { fields: [{ name: 'k', type: 'int64' }], columns: { k: [7n] } };
    const config = { updateExisting: false, field: 'i', type: 'int64', init: '[k]', condition: '[i] < [k] + 150000', loop: '[i] + 1' };
    const { summary, outputs } = await runTool(engine, 'generate-rows', config, one);
    expect(summary.tools.t.outputs.Output.records).toBe(150_000);
    expect(outputs.Output[149_999]).toEqual({ k: '7', i: '150006' });
  });

  it('writes nothing for an empty input', async () => {
    const empty: TestData = { fields: spans.fields, columns: { name: [], start: [], end: [], n: [] } };
    const { summary } = await runTool(engine, 'generate-rows', days, empty);
    expect(summary.tools.t.status).toBe('ok');
    expect(summary.tools.t.outputs.Output.records).toBe(0);
  });

  it('names the problem', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...days, condition: '[Day]' }, /condition expression: gives date, not true\/false/],
      [{ ...days, loop: '[nope] + 1' }, /loop expression: line 1, column 1: Unknown field \[nope\]/],
      [{ ...days, init: '' }, /the initialization expression is empty/],
      [{ ...days, updateExisting: true, field: 'zip' }, /the field to update, "zip", is not in the input/],
      [{ ...days, field: 'Name' }, /already has a field "name"/],
    ];
    for (const [config, message] of cases) {
      const { summary, messages } = await runTool(engine, 'generate-rows', config, spans, { mode: 'update' });
      expect(summary.tools.t.status).toBe('error');
      expect(messages.join('\n')).toMatch(message);
    }
  });

  it('cuts text longer than the field size before the condition reads it, with a warning naming the first row', async () => {
    const alone = await runTool(engine, 'generate-rows', { field: 'S', type: 'v_string', size: 2, init: '"hello"', condition: 'Length([S]) = 2', loop: 'IIF([S] = "he", "world", "")' }, null);
    expect(alone.outputs.Output.map((r) => r.S)).toEqual(['he', 'wo']);
    expect(alone.messages).toContain('warn: [S]: text longer than v_string(2) was truncated (2 rows, the first generated row 1)');
    for (const packetRows of [1, 3]) {
      const { outputs, messages } = await runTool(engine, 'generate-rows', { field: 'T', type: 'v_wstring', size: 1, init: '[name]', condition: '[T] != ""', loop: '""' }, spans, { packetRows });
      expect(pairs(outputs.Output, 'name', 'T')).toEqual(['a:a', '東京:東', 'c:c', 'd:d']);
      expect(messages).toContain('warn: [T]: text longer than v_wstring(1) was truncated (input row 2)');
    }
  });
});
