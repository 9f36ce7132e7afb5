import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData, type TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

async function compare(left: TestData, right: TestData, keys: { left: string; right: string }[]): Promise<void> {
  const weft = await runTool(engine, 'join', { keys }, null, { packetRows: 700, inputs: [{ anchor: 'Left', data: left }, { anchor: 'Right', data: right }] });
  expect(weft.summary.status).toBe('ok');
  const on = keys.map((k) => `l."${k.left}" = r."${k.right}"`).join(' AND ');
  const rightCols = right.fields.map((f) => `r."${f.name}" AS "Right_${f.name}"`).join(', ');
  const joined = await duckdbQuery({ l: left, r: right }, `SELECT l.*, ${rightCols} FROM l JOIN r ON ${on} ORDER BY l.rowid, r.rowid`);
  const leftOnly = await duckdbQuery({ l: left, r: right }, `SELECT * FROM l WHERE NOT EXISTS (SELECT 1 FROM r WHERE ${on}) ORDER BY rowid`);
  const rightOnly = await duckdbQuery({ l: left, r: right }, `SELECT * FROM r WHERE NOT EXISTS (SELECT 1 FROM l WHERE ${on}) ORDER BY rowid`);
  expect(joined.length).toBeGreaterThan(100);
  expect(weft.outputs.Join).toEqual(joined);
  expect(weft.outputs.Left ?? []).toEqual(leftOnly);
  expect(weft.outputs.Right ?? []).toEqual(rightOnly);
}

it('matches DuckDB on an int64 key with the right side the bigger one', async () => {
  await compare(generateData(1_000, 1), generateData(3_000, 2), [{ left: 'id', right: 'id' }]);
});

it('matches DuckDB on a two-field key (string, int32) with the left side the bigger one', async () => {
  await compare(generateData(600, 3), generateData(150, 4), [{ left: 'cat', right: 'cat' }, { left: 'grp', right: 'grp' }]);
});
