import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData, type TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

/** JSON documents built from generated rows: nested objects and arrays, unicode, nulls, int64 past 2^53 */
function documents(n: number): TestData {
  const g = generateData(n, 17);
  const docs = g.columns.id.map((id, i) => {
    if (i % 50 === 7) return null;
    const vals = `[${JSON.stringify(g.columns.amount[i])},${JSON.stringify(g.columns.qty[i])}]`;
    const meta = `{"flag":${JSON.stringify(g.columns.flag[i])},"day":${JSON.stringify(g.columns.day[i])},"tags":[${JSON.stringify(g.columns.cat[i])},{"n":${String(id)}}]}`;
    return `{"id":${String(id)},"cat":${JSON.stringify(g.columns.cat[i])},"vals":${vals},"meta":${meta}}`;
  });
  return { fields: [{ name: 'k', type: 'int64' }, { name: 'doc', type: 'v_wstring' }], columns: { k: g.columns.id, doc: docs } };
}

it('rows match DuckDB json_tree leaves (names from fullkey, strings decoded, numbers as written)', async () => {
  const data = documents(3_000);
  const weft = await runTool(engine, 'json-parse', { field: 'doc' }, data, { packetRows: 333 });
  const expected = await duckdbQuery({ data }, `
    SELECT d.k, regexp_replace(regexp_replace(t.fullkey, '^\\$\\.?', ''), '\\[(\\d+)\\]', '.\\1', 'g') AS "JSON_Name",
      CASE WHEN t.type = 'VARCHAR' THEN json_extract_string(t.atom, '$') WHEN t.type = 'NULL' THEN NULL ELSE t.atom::VARCHAR END AS "JSON_ValueString"
    FROM data d, json_tree(d.doc::JSON) t WHERE t.type NOT IN ('OBJECT', 'ARRAY') ORDER BY d.rowid, t.id`);
  const leaves = weft.outputs.Output.filter((r) => r.JSON_Name !== null);
  expect(leaves.length).toBe(expected.length);
  expect(leaves).toEqual(expected);
  expect(weft.outputs.Output.length - leaves.length).toBe(60);
}, 60_000);
