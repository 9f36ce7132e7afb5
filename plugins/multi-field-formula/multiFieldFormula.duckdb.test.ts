import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

it('matches DuckDB COLUMNS(…) star expressions on 10k generated rows', async () => {
  const data = generateData(2_500, 29);
  const config = { fieldType: 'numeric', fields: ['grp', 'qty'], expression: 'IIF(IsNull([_CurrentField_]), -1, [_CurrentField_] * 3 + 1)' };
  const weft = await runTool(engine, 'multi-field-formula', config, data, { packetRows: 999 });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ data }, `SELECT id, cat, coalesce(COLUMNS('^(grp|qty)$') * 3 + 1, -1) FROM data ORDER BY rowid`);
  expect(weft.outputs.Output.map((r) => ({ id: r.id, cat: r.cat, grp: r.grp, qty: r.qty }))).toEqual(expected);
}, 60_000);
