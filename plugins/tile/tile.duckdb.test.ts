import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

it('matches DuckDB ntile per group, in input order and sorted by a field, on 10k generated rows', async () => {
  const data = generateData(2_500, 17);
  const plain = await runTool(engine, 'tile', { method: 'equalRecords', numTiles: 7, groupBy: ['grp'] }, data, { packetRows: 777 });
  const expected = await duckdbQuery({ data }, `
    WITH t AS (SELECT rowid AS r, grp, id, ntile(7) OVER (PARTITION BY grp ORDER BY rowid)::INTEGER AS "Tile_Num" FROM data)
    SELECT grp, id, "Tile_Num", row_number() OVER (PARTITION BY grp, "Tile_Num" ORDER BY r)::INTEGER AS "Tile_SequenceNum"
    FROM t ORDER BY grp NULLS FIRST, r`);
  expect(plain.outputs.Output.map((r) => ({ grp: r.grp, id: r.id, Tile_Num: r.Tile_Num, Tile_SequenceNum: r.Tile_SequenceNum }))).toEqual(expected);

  const sorted = await runTool(engine, 'tile', { method: 'equalRecords', numTiles: 5, sortField: 'amount', groupBy: ['flag'] }, data, { packetRows: 500 });
  const expectedSorted = await duckdbQuery({ data }, `
    SELECT flag, id, ntile(5) OVER (PARTITION BY flag ORDER BY amount DESC NULLS LAST, rowid)::INTEGER AS "Tile_Num"
    FROM data ORDER BY flag NULLS FIRST, amount DESC NULLS LAST, rowid`);
  expect(sorted.outputs.Output.map((r) => ({ flag: r.flag, id: r.id, Tile_Num: r.Tile_Num }))).toEqual(expectedSorted);
}, 60_000);
