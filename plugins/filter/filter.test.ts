import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

// the engine harness type, taken from the test kit (plugins do not import the engine directly)
let engine: Awaited<ReturnType<typeof engineWithTestkit>>;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const people: TestData = {
  fields: [{ name: 'Name', type: 'v_wstring' }, { name: 'Age', type: 'int32' }, { name: 'Big', type: 'int64' }, { name: 'Born', type: 'date' }, { name: 'Score', type: 'double' }],
  columns: {
    Name: ['Ann', 'Bo', null, 'Zoë', '東京', 'Al'],
    Age: [34, 17, 50, null, 28, 65],
    Big: [9007199254740993n, 1n, 9007199254740992n, null, -5n, 2n ** 62n],
    Born: ['1992-03-01', '2009-07-15', null, '1990-01-01', '1998-12-31', '1961-05-05'],
    Score: [1.5, null, 3, 4.25, -1, 0],
  },
};

describe('filter through the engine', () => {
  it('opens True and False with the input metadata in update-only', async () => {
    const { summary } = await runTool(engine, 'filter', { expression: '[Age] >= 18' }, people, { mode: 'update' });
    expect(summary.tools.t.status).not.toBe('error');
    for (const anchor of ['True', 'False']) {
      expect(summary.tools.t.outputs[anchor].metadata.fields).toEqual(people.fields);
    }
  });

  it('reports a syntax or type error with its position before any run, and opens nothing', async () => {
    const syntax = await runTool(engine, 'filter', { expression: '[Age] >= ' }, people, { mode: 'update' });
    expect(syntax.summary.tools.t.status).toBe('error');
    expect(syntax.messages.join('\n')).toContain('Condition: line 1, column 10: The formula ends too early');
    expect(syntax.summary.tools.t.outputs.True?.metadata ?? null).toBeNull();
    const type = await runTool(engine, 'filter', { expression: '[Name] * 2 > 1' }, people, { mode: 'update' });
    expect(type.messages.join('\n')).toContain('line 1, column 8: Cannot multiply');
    const unknown = await runTool(engine, 'filter', { expression: '[Agee] > 1' }, people, { mode: 'update' });
    expect(unknown.messages.join('\n')).toContain('Unknown field [Agee]');
    const notBool = await runTool(engine, 'filter', { expression: '[Age] + 1' }, people, { mode: 'update' });
    expect(notBool.messages.join('\n')).toContain('must give true or false');
  });

  it('splits rows, sending null conditions to False, in order', async () => {
    const { summary, outputs } = await runTool(engine, 'filter', { expression: '[Age] >= 18 AND [Born] < "1995-01-01"' }, people, { packetRows: 4 });
    expect(summary.status).toBe('ok');
    expect(outputs.True.map((r) => r.Name)).toEqual(['Ann', 'Al']);
    expect(outputs.False.map((r) => r.Name)).toEqual(['Bo', null, 'Zoë', '東京']);
    expect(summary.tools.t.outputs.True.records).toBe(2);
  });

  it('compares int64 beyond 2^53 exactly and keeps unicode', async () => {
    const { outputs } = await runTool(engine, 'filter', { expression: '[Big] > 9007199254740992 OR Contains([Name], "京")' }, people);
    expect(outputs.True).toEqual([
      { Name: 'Ann', Age: 34, Big: '9007199254740993', Born: '1992-03-01', Score: 1.5 },
      { Name: '東京', Age: 28, Big: '-5', Born: '1998-12-31', Score: -1 },
      { Name: 'Al', Age: 65, Big: String(2n ** 62n), Born: '1961-05-05', Score: 0 },
    ]);
  });

  it('passes whole packets through when every row goes one way, and handles empty input', async () => {
    const all = await runTool(engine, 'filter', { expression: 'true' }, people, { packetRows: 2 });
    expect(all.outputs.True).toHaveLength(6);
    expect(all.summary.tools.t.outputs.False.records).toBe(0);
    const empty: TestData = { fields: people.fields, columns: { Name: [], Age: [], Big: [], Born: [], Score: [] } };
    const none = await runTool(engine, 'filter', { expression: '[Age] > 1' }, empty);
    expect(none.summary.status).toBe('ok');
    expect(none.summary.tools.t.outputs.True.records).toBe(0);
  });

  it('streams a large input packet by packet', async () => {
    const n = 200_000;
    const big: TestData = { fields: [{ name: 'v', type: 'int32' }], columns: { v: Array.from({ length: n }, (_, i) => i) } };
    const { summary } = await runTool(engine, 'filter', { expression: '[v] % 3 = 0' }, big, { packetRows: 16_384 });
    expect(summary.status).toBe('ok');
    expect(summary.tools.t.outputs.True.records).toBe(Math.ceil(n / 3));
    expect(summary.tools.t.outputs.False.records).toBe(n - Math.ceil(n / 3));
  });
});
