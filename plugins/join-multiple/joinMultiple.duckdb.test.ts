import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestEngine } from '../../electron/engine/testing/index.js';
import { duckdbQuery } from '../common/transformTestkit/duckdb.js';
import { engineWithTestkit, runTool } from '../common/transformTestkit/runTool.js';
import { generateData, type TestData } from '../common/transformTestkit/testData.js';

let engine: TestEngine;
beforeAll(async () => { engine = await engineWithTestkit(); });
afterAll(async () => engine?.dispose());

function pick(data: TestData, names: Record<string, string>): TestData {
  const fields = Object.entries(names).map(([from, to]) => ({ ...data.fields.find((f) => f.name === from)!, name: to }));
  return { fields, columns: Object.fromEntries(Object.entries(names).map(([from, to]) => [to, data.columns[from]])) };
}

// three inputs keyed by an int32, an int32 and a double holding the same numbers (about 3 rows per key each, 8% null keys)
const a = pick(generateData(300, 31), { id: 'id', qty: 'qty', cat: 'cat' });
const b = pick(generateData(300, 32), { qty: 'qty', amount: 'amount' });
const c0 = generateData(300, 33);
const c: TestData = { fields: [{ name: 'q', type: 'double' }, { name: 'flag', type: 'bool' }], columns: { q: c0.columns.qty, flag: c0.columns.flag } };
const inputs = [{ anchor: 'Input', data: a, connectionName: '#1' }, { anchor: 'Input', data: b, connectionName: '#2' }, { anchor: 'Input', data: c, connectionName: '#3' }];
const keys = [{ connection: '#1', fields: ['qty'] }, { connection: '#2', fields: ['qty'] }, { connection: '#3', fields: ['q'] }];

const select = `SELECT a.id, a.qty, a.cat, b.qty AS "Input_#2_qty", b.amount, c.q, c.flag FROM (SELECT rowid AS ra, * FROM a) a`;
const order = 'ORDER BY coalesce(a.qty, b.qty, c.q) NULLS LAST, ra NULLS LAST, rb NULLS LAST, rc NULLS LAST';

it('matches DuckDB FULL OUTER JOINs chained on the coalesced key (3 inputs, int32 and double keys, null keys)', async () => {
  const weft = await runTool(engine, 'join-multiple', { keys, limitMode: 'allowAll' }, null, { packetRows: 64, inputs });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ a, b, c }, `${select}
    FULL JOIN (SELECT rowid AS rb, * FROM b) b ON a.qty = b.qty
    FULL JOIN (SELECT rowid AS rc, * FROM c) c ON coalesce(a.qty, b.qty) = c.q ${order}`);
  expect(expected.length).toBeGreaterThan(1500);
  expect(weft.outputs.Output).toEqual(expected);
}, 60_000);

it('matches DuckDB INNER JOINs with "only records that join from all inputs"', async () => {
  const weft = await runTool(engine, 'join-multiple', { keys, allInputs: true, limitMode: 'allowAll' }, null, { packetRows: 100, inputs });
  const expected = await duckdbQuery({ a, b, c }, `${select}
    JOIN (SELECT rowid AS rb, * FROM b) b ON a.qty = b.qty
    JOIN (SELECT rowid AS rc, * FROM c) c ON a.qty = c.q ${order}`);
  expect(expected.length).toBeGreaterThan(500);
  expect(weft.outputs.Output).toEqual(expected);
}, 60_000);

it('matches DuckDB POSITIONAL JOIN by record position (inputs of 300, 250 and 300 rows, packets of 37)', async () => {
  const shortB: TestData = { fields: b.fields, columns: { qty: b.columns.qty.slice(0, 250), amount: b.columns.amount.slice(0, 250) } };
  const two = [inputs[0], { ...inputs[1], data: shortB }, inputs[2]];
  const weft = await runTool(engine, 'join-multiple', { mode: 'position' }, null, { packetRows: 37, inputs: two });
  expect(weft.summary.status).toBe('ok');
  const expected = await duckdbQuery({ a, b: shortB, c }, `SELECT a.id, a.qty, a.cat, b.qty AS "Input_#2_qty", b.amount, c.q, c.flag FROM a POSITIONAL JOIN b POSITIONAL JOIN c`);
  expect(expected.length).toBe(300);
  expect(weft.outputs.Output).toEqual(expected);
}, 60_000);
