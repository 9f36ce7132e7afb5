import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data: TestData = {
  fields: [{ name: 'text', type: 'v_wstring' }, { name: 'day', type: 'date' }, { name: 'at', type: 'datetime' }, { name: 'clock', type: 'time' }],
  columns: {
    text: ['Mar 5, 2026', 'december 31, 1999', null, '5 mars 2026', 'Feb 29, 2024', 'Feb 29, 2026'],
    day: ['2026-03-05', '1999-12-31', null, '2026-11-21', '2024-02-29', '2000-01-01'],
    at: ['2026-03-05 14:07:09', '1999-12-31 23:59:59', null, '2026-11-21 00:00:00', '2024-02-29 12:00:00', '2000-01-01 01:02:03'],
    clock: ['14:07:09', '00:00:00', null, '12:00:00', '23:59:59', '01:02:03'],
  },
};

const fieldsOf = (fields: { name: string; type: string }[]) => fields.map((f) => `${f.name}:${f.type}`);

describe('datetime: string to date/time', () => {
  it('adds a field of the kind the format holds, in update-only', async () => {
    const check = async (format: string, type: string) => {
      const { summary } = await runTool(engine, 'datetime', { field: 'text', format }, data, { mode: 'update' });
      expect(fieldsOf(summary.tools.t.outputs.Output.metadata.fields)).toEqual([...fieldsOf(data.fields), `DateTime_Out:${type}`]);
    };
    await check('MMM d, yyyy', 'date');
    await check('HH:mm', 'time');
    await check('%Y-%m-%d %H:%M:%S', 'datetime');
  });

  it('parses, with failed texts null and counted', async () => {
    for (const packetRows of [1, 2, 3]) {
      const { outputs, messages } = await runTool(engine, 'datetime', { field: 'text', format: 'MMM d, yyyy', outputField: 'when' }, data, { packetRows });
      expect(outputs.Output.map((r) => r.when)).toEqual(['2026-03-05', '1999-12-31', null, null, '2024-02-29', null]);
      expect(messages).toEqual(['warn: 2 value(s) of "text" do not fit the format "MMM d, yyyy" and became null (first: row 4: "5 mars 2026")']);
    }
  });

  it('parses into a chosen type', async () => {
    const { outputs, summary } = await runTool(engine, 'datetime', { field: 'text', format: 'MMM d, yyyy', outputType: 'datetime' }, data);
    expect(fieldsOf(summary.tools.t.outputs.Output.metadata.fields).at(-1)).toBe('DateTime_Out:datetime');
    expect(outputs.Output[0].DateTime_Out).toBe('2026-03-05 00:00:00');
  });
});

describe('datetime: date/time to string', () => {
  it('formats dates, datetimes and times', async () => {
    const run = (field: string, format: string) => runTool(engine, 'datetime', { mode: 'format', field, format }, data, { packetRows: 2 });
    const days = await run('day', 'dd/MM/yyyy (dy)');
    expect(fieldsOf(days.summary.tools.t.outputs.Output.metadata.fields).at(-1)).toBe('DateTime_Out:v_wstring');
    expect(days.outputs.Output.map((r) => r.DateTime_Out)).toEqual(['05/03/2026 (Thu)', '31/12/1999 (Fri)', null, '21/11/2026 (Sat)', '29/02/2024 (Thu)', '01/01/2000 (Sat)']);
    const times = await run('at', 'MMMM d, yyyy h:mm ahh');
    expect(times.outputs.Output.map((r) => r.DateTime_Out)).toEqual(['March 5, 2026 2:07 PM', 'December 31, 1999 11:59 PM', null, 'November 21, 2026 12:00 AM', 'February 29, 2024 12:00 PM', 'January 1, 2000 1:02 AM']);
    const clocks = await run('clock', '%H.%M');
    expect(clocks.outputs.Output.map((r) => r.DateTime_Out)).toEqual(['14.07', '00.00', null, '12.00', '23.59', '01.02']);
  });
});

describe('datetime: errors and empty input', () => {
  it('names a missing field, a wrong type, a format without specifiers and names in another language', async () => {
    const check = async (config: Record<string, unknown>, message: RegExp) => {
      const { summary, messages } = await runTool(engine, 'datetime', config, data, { mode: 'update' });
      expect(summary.tools.t.status).toBe('error');
      expect(messages.join()).toMatch(message);
    };
    await check({ field: 'nope', format: 'yyyy' }, /field "nope" is not in the input/);
    await check({ field: 'day', format: 'yyyy' }, /field "day" is date: string to date\/time reads a text field/);
    await check({ field: 'text', format: 'x-z' }, /has no date or time specifier/);
    await check({ field: 'text', format: 'yyyy*MM' }, /uses Alteryx's \* wildcard/);
    await check({ field: 'text', format: 'MMM yyyy', language: 'French' }, /English only, not French/);
    await check({ field: 'text', format: 'yyyy', outputField: 'day' }, /output field "day" is already in the input/);
  });

  it('passes an empty input', async () => {
    const empty: TestData = { fields: data.fields, columns: { text: [], day: [], at: [], clock: [] } };
    const { summary } = await runTool(engine, 'datetime', { field: 'text', format: 'yyyy' }, empty);
    expect(summary.tools.t.status).toBe('ok');
  });
});
