import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery, roundDoubles } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

it('matches DuckDB UNPIVOT INCLUDE NULLS on numeric data fields (common type double)', async () => {
  const data = generateData(2_500, 4);
  const weft = await runTool(engine, 'transpose', { keyFields: ['id', 'cat'], dataFields: ['qty', 'amount', 'grp'], unknownFields: false }, data, { packetRows: 777 });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ data }, `
    WITH src AS (SELECT rowid AS r, id, cat, qty, amount, grp FROM data)
    SELECT id, cat, "Name", "Value" FROM src UNPIVOT INCLUDE NULLS ("Value" FOR "Name" IN (qty, amount, grp))
    ORDER BY r, list_position(['qty', 'amount', 'grp'], "Name")`);
  expect(expected.length).toBe(7_500);
  expect(roundDoubles(weft.outputs.Output)).toEqual(roundDoubles(expected));
}, 60_000);

it('matches DuckDB UNPIVOT on mixed data fields turned into text', async () => {
  const data = generateData(2_000, 8);
  const weft = await runTool(engine, 'transpose', { keyFields: ['grp'], dataFields: ['day', 'cat', 'qty'], unknownFields: false }, data, { packetRows: 500 });
  expect(weft.summary.tools.t.outputs.Output.metadata.fields.map((f) => f.type)).toEqual(['int32', 'v_wstring', 'v_wstring']);
  const expected = await duckdbQuery({ data }, `
    WITH src AS (SELECT rowid AS r, grp, day, cat, qty::VARCHAR AS qty FROM data)
    SELECT grp, "Name", "Value" FROM src UNPIVOT INCLUDE NULLS ("Value" FOR "Name" IN (day, cat, qty))
    ORDER BY r, list_position(['day', 'cat', 'qty'], "Name")`);
  expect(weft.outputs.Output).toEqual(expected);
}, 60_000);
