import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

it('matches a DuckDB CROSS JOIN (2.5k Target rows x 12 Source rows, clashing names renamed)', async () => {
  const target = generateData(1_000, 21);
  const full = generateData(12, 22);
  const source = { fields: full.fields.filter((f) => f.name === 'cat' || f.name === 'amount'), columns: { cat: full.columns.cat, amount: full.columns.amount } };
  const weft = await runTool(engine, 'append-fields', {}, null, { packetRows: 700, inputs: [{ anchor: 'Target', data: target }, { anchor: 'Source', data: source }] });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ target, source }, `
    SELECT t.*, s.cat AS Source_cat, s.amount AS Source_amount
    FROM (SELECT rowid AS tr, * FROM target) t CROSS JOIN (SELECT rowid AS sr, * FROM source) s ORDER BY tr, sr`);
  expect(expected.length).toBe(12_000);
  expect(weft.outputs.Output).toEqual(expected.map(({ tr: _t, sr: _s, ...row }) => row));
}, 60_000);
