import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

it('matches DuckDB on 5k generated rows (first occurrence by rowid)', async () => {
  const data = generateData(5_000, 8);
  const weft = await runTool(engine, 'unique', { fields: ['cat', 'grp', 'flag'] }, data, { packetRows: 700 });
  const unique = await duckdbQuery({ data }, `
    SELECT * EXCLUDE (rid, rn) FROM (SELECT *, rowid AS rid, row_number() OVER (PARTITION BY cat, grp, flag ORDER BY rowid) AS rn FROM data)
    WHERE rn = 1 ORDER BY rid`);
  const duplicates = await duckdbQuery({ data }, `
    SELECT * EXCLUDE (rid, rn) FROM (SELECT *, rowid AS rid, row_number() OVER (PARTITION BY cat, grp, flag ORDER BY rowid) AS rn FROM data)
    WHERE rn > 1 ORDER BY rid`);
  expect(unique.length).toBeGreaterThan(100);
  expect(weft.outputs.Unique).toEqual(unique);
  expect(weft.outputs.Duplicates).toEqual(duplicates);
});
