import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

const data = generateData(5_000, 21);
const cases: [string, { field: string; order?: string; nulls?: string }[], string][] = [
  ['strings by code point, then int64 desc', [{ field: 'cat' }, { field: 'id', order: 'desc' }], 'cat ASC NULLS LAST, id DESC NULLS LAST'],
  ['dates desc nulls first, doubles', [{ field: 'day', order: 'desc', nulls: 'first' }, { field: 'amount' }], 'CAST(day AS DATE) DESC NULLS FIRST, amount ASC NULLS LAST'],
  ['bool then int32 (stable on ties)', [{ field: 'flag' }, { field: 'grp', nulls: 'first' }], 'flag ASC NULLS LAST, grp ASC NULLS FIRST'],
];

for (const [name, keys, orderBy] of cases) {
  it(`matches DuckDB ORDER BY: ${name}`, async () => {
    // ties are broken by input order in both (Weft's sort is stable; rowid in DuckDB)
    const weft = await runTool(engine, 'sort', { keys, memoryBudgetMB: 0.05 }, data, { packetRows: 512 });
    expect(weft.summary.status).toBe('ok');
    const expected = await duckdbQuery({ data }, `SELECT * FROM data ORDER BY ${orderBy}, rowid`);
    expect(weft.outputs.Output.length).toBe(5_000);
    expect(weft.outputs.Output).toEqual(expected);
  });
}
