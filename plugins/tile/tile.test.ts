import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import type { PreviewRow } from '../../shared/runEvents.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import type { TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data: TestData = {
  fields: [{ name: 'region', type: 'v_wstring', size: 20 }, { name: 'sales', type: 'int32' }],
  columns: {
    region: ['n', 's', 'n', 'n', null, 's', 'n', 's', 'n', 'Ü'],
    sales: [5, 3, null, 8, 2, 9, 1, 4, 7, 6],
  },
};

const column = (rows: PreviewRow[], name: string) => rows.map((r) => r[name]);
const tiles = (rows: PreviewRow[]) => [column(rows, 'Tile_Num'), column(rows, 'Tile_SequenceNum')];

describe('tile through the engine', () => {
  it('gives the exact output metadata in update-only', async () => {
    const { summary } = await runTool(engine, 'tile', { method: 'smartTile', field: 'sales', smartTileName: true }, data, { mode: 'update' });
    expect(summary.tools.t.outputs.Output.metadata.fields).toEqual([
      ...data.fields,
      { name: 'Tile_Num', type: 'int32', source: 'Tile: smartTile' },
      { name: 'Tile_SequenceNum', type: 'int32', source: 'Tile: smartTile' },
      { name: 'Tile_Name', type: 'v_string', size: 20, source: 'Tile: smartTile' },
    ]);
  });

  for (const packetRows of [1, 2, 3]) {
    it(`splits equal records in input order, and manual cut-offs stream, in packets of ${packetRows}`, async () => {
      const equal = await runTool(engine, 'tile', { method: 'equalRecords', numTiles: 3 }, data, { packetRows });
      expect(column(equal.outputs.Output, 'sales')).toEqual(data.columns.sales);
      expect(tiles(equal.outputs.Output)).toEqual([[1, 1, 1, 1, 2, 2, 2, 3, 3, 3], [1, 2, 3, 4, 1, 2, 3, 1, 2, 3]]);
      const manual = await runTool(engine, 'tile', { method: 'manual', field: 'sales', cutoffs: [3, 6] }, data, { packetRows });
      expect(tiles(manual.outputs.Output)).toEqual([[2, 1, null, 3, 1, 3, 1, 2, 3, 2], [1, 1, 1, 1, 2, 2, 3, 2, 3, 3]]);
    });
  }

  it('sorts by the sort field first (numbers descending, nulls last)', async () => {
    const { outputs } = await runTool(engine, 'tile', { method: 'equalRecords', numTiles: 3, sortField: 'sales' }, data, { packetRows: 4 });
    expect(column(outputs.Output, 'sales')).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, null]);
    expect(tiles(outputs.Output)).toEqual([[1, 1, 1, 1, 2, 2, 2, 3, 3, 3], [1, 2, 3, 4, 1, 2, 3, 1, 2, 3]]);
  });

  it('tiles each group on its own and writes the groups ordered by their values', async () => {
    const { outputs } = await runTool(engine, 'tile', { method: 'equalRecords', numTiles: 2, groupBy: ['region'] }, data, { packetRows: 3 });
    expect(column(outputs.Output, 'region')).toEqual([null, 'n', 'n', 'n', 'n', 'n', 's', 's', 's', 'Ü']);
    expect(column(outputs.Output, 'sales')).toEqual([2, 5, null, 8, 1, 7, 3, 9, 4, 6]);
    expect(tiles(outputs.Output)).toEqual([[1, 1, 1, 1, 2, 2, 1, 1, 2, 1], [1, 1, 2, 3, 1, 2, 1, 2, 1, 1]]);
  });

  it('makes sums about equal without splitting rows (nulls count as 0)', async () => {
    const { outputs } = await runTool(engine, 'tile', { method: 'equalSum', numTiles: 3, field: 'sales' }, data, { packetRows: 2 });
    expect(tiles(outputs.Output)).toEqual([[1, 1, 1, 1, 2, 2, 2, 3, 3, 3], [1, 2, 3, 4, 1, 2, 3, 1, 2, 3]]);
  });

  it('smart tiles by standard deviations from the mean, with names', async () => {
    const { outputs } = await runTool(engine, 'tile', { method: 'smartTile', field: 'sales', smartTileName: true }, data, { packetRows: 3 });
    expect(tiles(outputs.Output)).toEqual([[0, -1, null, 1, -1, 1, -1, 0, 1, 0], [1, 1, 1, 1, 2, 2, 3, 2, 3, 3]]);
    expect(column(outputs.Output, 'Tile_Name').slice(0, 4)).toEqual(['Average', 'Below Average', null, 'Above Average']);
  });

  it('numbers unique values sorted, or by first appearance keeping the input order', async () => {
    const sorted = await runTool(engine, 'tile', { method: 'uniqueValue', uniqueFields: ['region'] }, data, { packetRows: 3 });
    expect(column(sorted.outputs.Output, 'region')).toEqual([null, 'n', 'n', 'n', 'n', 'n', 's', 's', 's', 'Ü']);
    expect(tiles(sorted.outputs.Output)).toEqual([[1, 2, 2, 2, 2, 2, 3, 3, 3, 4], [1, 1, 2, 3, 4, 5, 1, 2, 3, 1]]);
    const unsorted = await runTool(engine, 'tile', { method: 'uniqueValue', uniqueFields: ['region'], dontSort: true }, data, { packetRows: 1 });
    expect(column(unsorted.outputs.Output, 'region')).toEqual(data.columns.region);
    expect(tiles(unsorted.outputs.Output)).toEqual([[1, 2, 1, 1, 3, 2, 1, 2, 1, 4], [1, 1, 2, 3, 1, 2, 4, 3, 5, 1]]);
  });

  it('keeps runs of equal values in one tile when asked', async () => {
    const runs: TestData = { fields: [{ name: 'k', type: 'int32' }], columns: { k: [1, 1, 2, 2, 2, 3] } };
    const { outputs } = await runTool(engine, 'tile', { method: 'equalRecords', numTiles: 3, dontSplitField: 'k' }, runs);
    expect(tiles(outputs.Output)).toEqual([[1, 1, 2, 2, 2, 3], [1, 2, 1, 2, 3, 1]]);
  });

  it('writes nothing for an empty input', async () => {
    const empty: TestData = { fields: data.fields, columns: { region: [], sales: [] } };
    for (const config of [{ method: 'equalRecords', numTiles: 2, groupBy: ['region'] }, { method: 'manual', field: 'sales', cutoffs: [1] }]) {
      const { summary } = await runTool(engine, 'tile', config, empty);
      expect(summary.tools.t.status).toBe('ok');
      expect(summary.tools.t.outputs.Output.records).toBe(0);
    }
  });

  it('names the problem', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ method: 'equalSum', numTiles: 2 }, /choose the field to tile \(equalSum\)/],
      [{ method: 'equalRecords', numTiles: 0 }, /numTiles: must be >= 1/],
      [{ method: 'manual', field: 'sales', cutoffs: [5, 2] }, /cut-offs must ascend: 2 follows 5/],
      [{ method: 'smartTile', field: 'region' }, /"region" is v_wstring, not a number/],
      [{ method: 'equalRecords', numTiles: 2, groupBy: ['nope'] }, /field "nope" not in the input/],
    ];
    for (const [config, message] of cases) {
      const { summary, messages } = await runTool(engine, 'tile', config, data, { mode: 'update' });
      expect(summary.tools.t.status).toBe('error');
      expect(messages.join('\n')).toMatch(message);
    }
  });
});
