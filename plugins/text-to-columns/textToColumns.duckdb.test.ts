import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

// generated text has commas, spaces, quotes, unicode, empty strings and nulls
const data = generateData(2_000, 5);

it('split to rows matches string_split_regex + unnest', async () => {
  const weft = await runTool(engine, 'text-to-columns', { field: 'cat', delimiters: ',\\s', splitTo: 'rows' }, data, { packetRows: 500 });
  const expected = await duckdbQuery({ data }, `SELECT id, unnest(CASE WHEN cat IS NULL THEN [NULL] ELSE string_split_regex(cat, '[, ]') END) AS cat FROM data ORDER BY rowid`);
  expect(weft.outputs.Output.map((r) => ({ id: r.id, cat: r.cat }))).toEqual(expected);
  expect(expected.length).toBeGreaterThan(data.columns.id.length);
});

it('split to 2 columns (extra dropped) matches string_split list elements', async () => {
  const weft = await runTool(engine, 'text-to-columns', { field: 'cat', delimiters: ' ', columnCount: 2, extraCharacters: 'dropWithoutWarning', rootName: 'c' }, data, { packetRows: 500 });
  const expected = await duckdbQuery({ data }, `SELECT string_split(cat, ' ')[1] AS c1, string_split(cat, ' ')[2] AS c2 FROM data ORDER BY rowid`);
  expect(weft.outputs.Output.map((r) => ({ c1: r.c1, c2: r.c2 }))).toEqual(expected);
});
