import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

// the engine harness type, taken from the test kit (plugins do not import the engine directly)
let engine: Awaited<ReturnType<typeof engineWithTestkit>>;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const orders: TestData = {
  fields: [{ name: 'Item', type: 'v_wstring' }, { name: 'Qty', type: 'int32' }, { name: 'Price', type: 'double' }, { name: 'Id', type: 'int64' }, { name: 'Day', type: 'date' }],
  columns: {
    Item: ['apple', 'Birne', null, 'köstlich 😀'],
    Qty: [3, null, 12, 1],
    Price: [0.5, 2, 1.25, null],
    Id: [9007199254740993n, 2n, null, -9007199254740993n],
    Day: ['2026-01-31', '2026-11-21', null, '2024-02-29'],
  },
};

const fieldsOf = (run: Awaited<ReturnType<typeof runTool>>) => run.summary.tools.t.outputs.Output.metadata.fields.map((f) => `${f.name}:${f.type}`);

describe('formula through the engine', () => {
  const config = {
    formulas: [
      { field: 'Total', expression: '[Qty] * [Price]' },
      { field: 'Label', expression: 'Upper(Left([Item], 3)) + "-" + ToString([Qty])' },
      { field: 'Qty', expression: '[Qty] * 2' },
      { field: 'Next', expression: '[Id] + 1' },
      { field: 'Due', expression: 'DateTimeAdd([Day], 1, "months")' },
      { field: 'Bulk', expression: 'IF [Qty] > 10 THEN "bulk" ELSEIF IsNull([Qty]) THEN "?" ELSE "single" ENDIF' },
      { field: 'Cents', type: 'int32', expression: '[Total] * 100' },
    ],
  };

  it('gives the output metadata in update-only: inferred types, replaced field in place, new fields appended', async () => {
    const run = await runTool(engine, 'formula', config, orders, { mode: 'update' });
    expect(run.summary.tools.t.status).not.toBe('error');
    expect(fieldsOf(run)).toEqual([
      'Item:v_wstring', 'Qty:int32', 'Price:double', 'Id:int64', 'Day:date',
      'Total:double', 'Label:v_wstring', 'Next:int64', 'Due:date', 'Bulk:v_wstring', 'Cents:int32',
    ]);
  });

  it('computes rows in order, later formulas seeing earlier results, with nulls and exact int64', async () => {
    const { summary, outputs } = await runTool(engine, 'formula', config, orders, { packetRows: 3 });
    expect(summary.status).toBe('ok');
    expect(outputs.Output).toEqual([
      { Item: 'apple', Qty: 6, Price: 0.5, Id: '9007199254740993', Day: '2026-01-31', Total: 1.5, Label: 'APP-3', Next: '9007199254740994', Due: '2026-02-28', Bulk: 'single', Cents: 150 },
      { Item: 'Birne', Qty: null, Price: 2, Id: '2', Day: '2026-11-21', Total: null, Label: null, Next: '3', Due: '2026-12-21', Bulk: '?', Cents: null },
      { Item: null, Qty: 24, Price: 1.25, Id: null, Day: null, Total: 15, Label: null, Next: null, Due: null, Bulk: 'bulk', Cents: 1500 },
      { Item: 'köstlich 😀', Qty: 2, Price: null, Id: '-9007199254740993', Day: '2024-02-29', Total: null, Label: 'KÖS-1', Next: '-9007199254740992', Due: '2024-03-29', Bulk: 'single', Cents: null },
    ]);
  });

  it('reports the failing formula and position in update-only, opening nothing', async () => {
    const bad = { formulas: [{ field: 'A', expression: '[Qty] + 1' }, { field: 'B', expression: 'Left([Item])' }] };
    const run = await runTool(engine, 'formula', bad, orders, { mode: 'update' });
    expect(run.summary.tools.t.status).toBe('error');
    expect(run.messages.join('\n')).toContain('formula 2 ([B]): line 1, column 1: Left takes 2 arguments (String, Length), got 1');
    expect(run.summary.tools.t.outputs.Output?.metadata ?? null).toBeNull();
    const later = await runTool(engine, 'formula', { formulas: [{ field: 'X', expression: '[Y] + 1' }, { field: 'Y', expression: '1' }] }, orders, { mode: 'update' });
    expect(later.messages.join('\n')).toContain('formula 1 ([X]): line 1, column 1: Unknown field [Y]');
    const wrongType = await runTool(engine, 'formula', { formulas: [{ field: 'D', type: 'date', expression: '[Qty]' }] }, orders, { mode: 'update' });
    expect(wrongType.messages.join('\n')).toContain('cannot be written to a date field');
  });

  it('converts to a given type, nulling values that do not fit, with a warning', async () => {
    const run = await runTool(engine, 'formula', { formulas: [{ field: 'N', type: 'int16', expression: 'IIF(IsNull([Item]), "x", [Item] + "1")' }, { field: 'Qty', type: 'v_string', expression: '[Qty]' }] }, orders);
    expect(run.summary.status).toBe('ok');
    expect(run.outputs.Output.map((r) => [r.N, r.Qty])).toEqual([[null, '3'], [null, null], [null, '12'], [null, '1']]);
    expect(run.messages.some((m) => m.startsWith('warn:') && m.includes('is not a number'))).toBe(true);
    const fits = await runTool(engine, 'formula', { formulas: [{ field: 'N', type: 'byte', expression: '[Qty] * 25' }] }, orders);
    expect(fits.outputs.Output.map((r) => r.N)).toEqual([75, null, null, 25]);
    expect(fits.messages.join('\n')).toContain('300 does not fit');
  });

  it('cuts text to the field size and writes fixeddecimal to its size and scale, as Alteryx', async () => {
    const config = { formulas: [
      { field: 'Short', type: 'v_wstring', size: 3, expression: '[Item]' },
      { field: 'Len', expression: 'Length([Short])' },
      { field: 'Money', type: 'fixeddecimal', size: 4, scale: 1, expression: '[Price] * 100' },
    ] };
    const run = await runTool(engine, 'formula', config, orders, { packetRows: 3 });
    expect(run.outputs.Output.map((r) => [r.Short, r.Len, r.Money])).toEqual([['app', '3', '50.0'], ['Bir', '3', null], [null, null, null], ['kös', '3', null]]);
    expect(run.messages).toContain('warn: [Short]: text longer than v_wstring(3) was truncated (3 rows)');
    expect(run.messages).toContain('warn: field Money: a number does not fit fixeddecimal(4.1): the value became null (2 rows)');
  });

  it('warns about data a function cannot read, counted over the run', async () => {
    const data: TestData = { fields: [{ name: 's', type: 'v_string' }], columns: { s: ['1', 'x', 'x', '2.5', 'x'] } };
    const run = await runTool(engine, 'formula', { formulas: [{ field: 'n', expression: 'ToNumber([s])' }] }, data, { packetRows: 2 });
    expect(run.outputs.Output.map((r) => r.n)).toEqual([1, 0, 0, 2.5, 0]);
    expect(run.messages).toContain('warn: [n]: ToNumber: "x" is not a number (3 rows)');
  });

  it('handles an empty input and a large stream', async () => {
    const empty: TestData = { fields: orders.fields, columns: { Item: [], Qty: [], Price: [], Id: [], Day: [] } };
    const none = await runTool(engine, 'formula', config, empty);
    expect(none.summary.status).toBe('ok');
    expect(none.summary.tools.t.outputs.Output.records).toBe(0);
    const n = 200_000;
    const big: TestData = { fields: [{ name: 'v', type: 'int64' }], columns: { v: Array.from({ length: n }, (_, i) => BigInt(i) * 1_000_000_000n) } };
    const run = await runTool(engine, 'formula', { formulas: [{ field: 'w', expression: '[v] * 1000 + 1' }] }, big, { packetRows: 16_384 });
    expect(run.summary.status).toBe('ok');
    expect(run.summary.tools.t.outputs.Output.records).toBe(n);
    expect(run.outputs.Output[n - 1]).toEqual({ v: String(BigInt(n - 1) * 1_000_000_000n), w: String(BigInt(n - 1) * 1_000_000_000_000n + 1n) });
  });
});
