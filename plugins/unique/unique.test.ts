import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const rows: TestData = {
  fields: [{ name: 'k', type: 'v_wstring' }, { name: 'big', type: 'int64' }, { name: 'i', type: 'int32' }],
  columns: {
    k: ['a', 'A', 'a', null, null, '東京', '東京', 'a'],
    big: [9007199254740993n, 1n, 9007199254740992n, null, null, 5n, 5n, 9007199254740993n],
    i: [0, 1, 2, 3, 4, 5, 6, 7],
  },
};

describe('unique through the engine', () => {
  it('opens both outputs with the input metadata in update-only', async () => {
    const { summary } = await runTool(engine, 'unique', { fields: ['k'] }, rows, { mode: 'update' });
    expect(summary.tools.t.outputs.Unique.metadata).toEqual({ fields: rows.fields });
    expect(summary.tools.t.outputs.Duplicates.metadata).toEqual({ fields: rows.fields });
  });

  it('keeps the first row of each key (case-sensitive, nulls equal, int64 exact) across packets', async () => {
    const { outputs, messages } = await runTool(engine, 'unique', { fields: ['k', 'big'] }, rows, { packetRows: 3 });
    expect(messages).toEqual([]);
    expect(outputs.Unique.map((r) => r.i)).toEqual([0, 1, 2, 3, 5]);
    expect(outputs.Duplicates.map((r) => r.i)).toEqual([4, 6, 7]);
  });

  it('uses the whole row when no field is chosen', async () => {
    const { outputs } = await runTool(engine, 'unique', { fields: [] }, rows);
    expect(outputs.Unique.length).toBe(8);
    expect(outputs.Duplicates ?? []).toEqual([]);
  });
});
