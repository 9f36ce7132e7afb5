import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

// DuckDB's regexp functions run RE2 too, so results must agree exactly (generated text has
// unicode, empty strings and nulls; packets of 777 rows cut the input at odd places)
const data = generateData(3_000, 21);

it('parse matches regexp_extract', async () => {
  const expression = '([a-zé]+)(.*)';
  const weft = await runTool(engine, 'regex', { field: 'cat', expression, method: 'parse', caseInsensitive: false, parseFields: [{ name: 'head' }, { name: 'tail' }] }, data, { packetRows: 777 });
  const expected = await duckdbQuery({ data }, `
    SELECT CASE WHEN regexp_matches(cat, '${expression}') THEN regexp_extract(cat, '${expression}', 1) END AS head,
           CASE WHEN regexp_matches(cat, '${expression}') THEN regexp_extract(cat, '${expression}', 2) END AS tail
    FROM data ORDER BY rowid`);
  expect(weft.outputs.Output.map((r) => ({ head: r.head, tail: r.tail }))).toEqual(expected);
  expect(expected.filter((r) => r.head !== null).length).toBeGreaterThan(500);
});

it('match (case-insensitive) matches regexp_full_match with the i option', async () => {
  const expression = '[a-z]+( [a-z]+)?';
  const weft = await runTool(engine, 'regex', { field: 'cat', expression, method: 'match', matchField: 'm' }, data, { packetRows: 777 });
  const expected = await duckdbQuery({ data }, `SELECT coalesce(regexp_full_match(cat, '${expression}', 'i'), false) AS m FROM data ORDER BY rowid`);
  expect(weft.outputs.Output.map((r) => ({ m: r.m }))).toEqual(expected);
});

it('replace matches regexp_replace with the g option', async () => {
  const weft = await runTool(engine, 'regex', { field: 'cat', expression: '([aeiouä])(.)', method: 'replace', replaceWith: '\\2<\\1>', caseInsensitive: false }, data, { packetRows: 777 });
  const expected = await duckdbQuery({ data }, `SELECT regexp_replace(cat, '([aeiouä])(.)', '\\2<\\1>', 'g') AS cat FROM data ORDER BY rowid`);
  expect(weft.outputs.Output.map((r) => ({ cat: r.cat }))).toEqual(expected);
});

it('tokenize to rows matches regexp_extract_all + unnest, keeping token-less rows as null', async () => {
  const weft = await runTool(engine, 'regex', { field: 'cat', expression: '[a-z]+', method: 'tokenize', tokenizeTo: 'rows' }, data, { packetRows: 777 });
  const expected = await duckdbQuery({ data }, `
    SELECT id, unnest(CASE WHEN len(regexp_extract_all(cat, '[a-z]+', 0, 'i')) = 0 OR cat IS NULL THEN [NULL] ELSE regexp_extract_all(cat, '[a-z]+', 0, 'i') END) AS cat
    FROM data ORDER BY rowid`);
  expect(weft.outputs.Output.map((r) => ({ id: r.id, cat: r.cat }))).toEqual(expected);
  expect(expected.length).toBeGreaterThan(data.columns.id.length);
});
